package io.mailpipe.camel.bulk;

import io.mailpipe.bulk.BulkSettings;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * {@code bulk:compose} reads a JSON send request (schema mailpipe.send/1) from the body and replaces it with the list
 * of messages to queue, each a Camel message whose body is the RFC 5322 message (RFC 2045 MIME composed by Angus
 * Mail, or the sender's own) and whose headers are its SMTP envelope (RFC 5321 §3.3) and the sender's tags; split
 * the list to queue each. A request that can never be sent fails the exchange with
 * {@link io.mailpipe.bulk.BulkRequestRejectedException}.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "bulk", title = "Bulk", syntax = "bulk:operation",
        producerOnly = true, category = {Category.MAIL}, headersClass = BulkConstants.class)
public class BulkEndpoint extends DefaultEndpoint {

    @UriPath(enums = "compose", description = "compose turns a send request into messages")
    @Metadata(required = true)
    private String operation;
    @UriParam(description = "Directory of message templates (NAME.subject, NAME.txt, NAME.html); empty: requests "
            + "cannot use templates")
    private String templates;
    @UriParam(defaultValue = "10485760", description = "Largest send request accepted, in octets of JSON")
    private int maxRequestSize = 10 * 1024 * 1024;
    @UriParam(defaultValue = "10000000", description = "Largest composed message accepted, in octets; keep it below "
            + "what the queue accepts (mailpipe.kafka.max-request-size less 64 KiB)")
    private long maxMessageSize = 10_000_000L;
    @UriParam(defaultValue = "1000", description = "Most recipients per request")
    private int maxRecipients = 1000;
    @UriParam(label = "attachments", defaultValue = "5000000", description = "Largest attachment fetched by URL, in "
            + "octets")
    private long maxAttachmentSize = 5_000_000L;
    @UriParam(label = "attachments", defaultValue = "10000", description = "Milliseconds a URL attachment may take "
            + "to fetch, connection included")
    private long fetchTimeout = 10000;
    @UriParam(label = "attachments,security", description = "Comma-separated URL prefixes attachments may be fetched "
            + "from (e.g. https://files.example.com/); empty allows any http or https URL")
    private String allowedUrlPrefixes;

    @UriParam(defaultValue = "localhost", description = "The host name written in the Received trace field put in "
            + "front of every composed message; use the one smtpd: names itself with (smtpd.server-name); empty: the "
            + "local host name, as smtpd: does")
    private String serverName = "localhost";

    public BulkEndpoint(String uri, BulkComponent component) {
        super(uri, component);
    }

    @Override
    public Producer createProducer() {
        return new BulkComposeProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("bulk: is producer only; use bulk:compose in to:");
    }

    BulkSettings settings() {
        List<String> prefixes = allowedUrlPrefixes == null ? List.of() : Arrays.stream(allowedUrlPrefixes.split(","))
                .map(String::strip).filter(p -> !p.isEmpty()).toList();
        Path directory = templates == null || templates.isBlank() ? null : Path.of(templates);
        return new BulkSettings(maxRequestSize, maxMessageSize, maxRecipients, directory, maxAttachmentSize,
                Duration.ofMillis(fetchTimeout), prefixes);
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public String getServerName() {
        return serverName;
    }

    public void setServerName(String serverName) {
        this.serverName = serverName;
    }

    public String getTemplates() {
        return templates;
    }

    public void setTemplates(String templates) {
        this.templates = templates;
    }

    public int getMaxRequestSize() {
        return maxRequestSize;
    }

    public void setMaxRequestSize(int maxRequestSize) {
        this.maxRequestSize = maxRequestSize;
    }

    public long getMaxMessageSize() {
        return maxMessageSize;
    }

    public void setMaxMessageSize(long maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public int getMaxRecipients() {
        return maxRecipients;
    }

    public void setMaxRecipients(int maxRecipients) {
        this.maxRecipients = maxRecipients;
    }

    public long getMaxAttachmentSize() {
        return maxAttachmentSize;
    }

    public void setMaxAttachmentSize(long maxAttachmentSize) {
        this.maxAttachmentSize = maxAttachmentSize;
    }

    public long getFetchTimeout() {
        return fetchTimeout;
    }

    public void setFetchTimeout(long fetchTimeout) {
        this.fetchTimeout = fetchTimeout;
    }

    public String getAllowedUrlPrefixes() {
        return allowedUrlPrefixes;
    }

    public void setAllowedUrlPrefixes(String allowedUrlPrefixes) {
        this.allowedUrlPrefixes = allowedUrlPrefixes;
    }
}
