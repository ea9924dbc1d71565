package io.mailpipe.camel.spf;

import io.mailpipe.camel.observe.MeteredResolver;
import io.mailpipe.camel.observe.PipelineMeters;
import io.mailpipe.dns.Resolver;
import io.mailpipe.spf.SpfChecker;
import io.mailpipe.spf.SpfSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * spf:check — checks the SMTP client against the sender domain's SPF policy (RFC 7208 §2.4 MAIL FROM, or
 * §2.3 HELO for the null reverse-path), records the result as headers, Received-SPF (§9.1) and/or an
 * Authentication-Results clause (RFC 8601), and rejects or defers per policy (RFC 7372 §3.2 codes).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "spf", title = "SPF", syntax = "spf:operation", producerOnly = true,
             category = { Category.MAIL }, headersClass = SpfConstants.class)
public class SpfEndpoint extends DefaultEndpoint {

    @UriPath(description = "The operation; only check.", enums = "check", defaultValue = "check")
    @Metadata(required = true)
    private String operation = "check";
    @UriParam(label = "advanced", description = "The DNS resolver (an io.mailpipe.dns.Resolver bean); defaults to "
            + "the component's.")
    private Resolver resolver;
    @UriParam(description = "Recursive DNS servers for this endpoint as a comma-separated host:port list; when set, "
            + "the endpoint gets its own resolver.")
    private String dnsServers;
    @UriParam(description = "What to do with fail and softfail: record only, reject fail, or reject fail and "
            + "softfail (550 5.7.23).", defaultValue = "record")
    private SpfRejectPolicy policy = SpfRejectPolicy.record;
    @UriParam(description = "What to do with temperror: accept, or defer with 451 4.7.24.", defaultValue = "accept")
    private SpfTemperrorAction temperror = SpfTemperrorAction.accept;
    @UriParam(description = "The authserv-id of an Authentication-Results field to add the spf= clause to; empty "
            + "adds no such field.")
    private String authservId;
    @UriParam(description = "Whether to prepend a Received-SPF header field.", defaultValue = "true")
    private boolean receivedSpf = true;
    @UriParam(description = "This receiver's host name, for Received-SPF and the %{r} macro; defaults to the local "
            + "host name.")
    private String receiver;
    @UriParam(label = "advanced", description = "The explanation for fail when the domain gives none; a macro "
            + "string (RFC 7208 §7).", defaultValue = SpfSettings.STANDARD_EXPLANATION)
    private String defaultExplanation = SpfSettings.STANDARD_EXPLANATION;
    @UriParam(label = "advanced", description = "Header holding the client IP address.",
              defaultValue = "MailpipeClientIp")
    private String clientIpHeader = "MailpipeClientIp";
    @UriParam(label = "advanced", description = "Header holding the MAIL FROM address, empty for the null "
            + "reverse-path.",
              defaultValue = "MailpipeMailFrom")
    private String mailFromHeader = "MailpipeMailFrom";
    @UriParam(label = "advanced", description = "Header holding the HELO/EHLO name.", defaultValue = "MailpipeHeloName")
    private String heloHeader = "MailpipeHeloName";

    public SpfEndpoint(String uri, SpfComponent component) {
        super(uri, component);
    }

    @Override
    public Producer createProducer() {
        SpfSettings settings = SpfSettings.defaults().withReceiver(receiverName())
                .withDefaultExplanation(defaultExplanation);
        return new SpfProducer(this, new SpfChecker(MeteredResolver.wrap(effectiveResolver(),
                PipelineMeters.of(getCamelContext())), settings));
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("spf: is a producer only: use it as a to: step");
    }

    @Override
    public SpfComponent getComponent() {
        return (SpfComponent) super.getComponent();
    }

    void setOperation(String operation) {
        if (operation != null && !operation.isEmpty() && !operation.equals("check")) {
            throw new IllegalArgumentException("spf: unknown operation '" + operation + "'; use spf:check");
        }
        this.operation = "check";
    }

    String receiverName() {
        if (receiver != null && !receiver.isBlank()) {
            return receiver;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private Resolver effectiveResolver() {
        if (resolver != null) {
            return resolver;
        }
        if (dnsServers != null && !dnsServers.isBlank()) {
            return SpfComponent.createResolver(dnsServers);
        }
        return getComponent().sharedResolver();
    }

    public String getOperation() {
        return operation;
    }

    public Resolver getResolver() {
        return resolver;
    }

    public void setResolver(Resolver resolver) {
        this.resolver = resolver;
    }

    public String getDnsServers() {
        return dnsServers;
    }

    public void setDnsServers(String dnsServers) {
        this.dnsServers = dnsServers;
    }

    public SpfRejectPolicy getPolicy() {
        return policy;
    }

    public void setPolicy(SpfRejectPolicy policy) {
        this.policy = policy;
    }

    public SpfTemperrorAction getTemperror() {
        return temperror;
    }

    public void setTemperror(SpfTemperrorAction temperror) {
        this.temperror = temperror;
    }

    public String getAuthservId() {
        return authservId;
    }

    public void setAuthservId(String authservId) {
        this.authservId = authservId;
    }

    public boolean isReceivedSpf() {
        return receivedSpf;
    }

    public void setReceivedSpf(boolean receivedSpf) {
        this.receivedSpf = receivedSpf;
    }

    public String getReceiver() {
        return receiver;
    }

    public void setReceiver(String receiver) {
        this.receiver = receiver;
    }

    public String getDefaultExplanation() {
        return defaultExplanation;
    }

    public void setDefaultExplanation(String defaultExplanation) {
        this.defaultExplanation = defaultExplanation;
    }

    public String getClientIpHeader() {
        return clientIpHeader;
    }

    public void setClientIpHeader(String clientIpHeader) {
        this.clientIpHeader = clientIpHeader;
    }

    public String getMailFromHeader() {
        return mailFromHeader;
    }

    public void setMailFromHeader(String mailFromHeader) {
        this.mailFromHeader = mailFromHeader;
    }

    public String getHeloHeader() {
        return heloHeader;
    }

    public void setHeloHeader(String heloHeader) {
        this.heloHeader = heloHeader;
    }
}
