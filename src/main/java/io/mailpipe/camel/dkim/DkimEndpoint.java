package io.mailpipe.camel.dkim;

import io.mailpipe.dkim.Canonicalization;
import io.mailpipe.dkim.DkimAlgorithm;
import io.mailpipe.dkim.HeaderPolicy;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
 * {@code dkim:sign} adds DKIM-Signature fields (RFC 6376 §5, RFC 8463) with keys from a key table; {@code
 * dkim:verify} checks every signature (RFC 6376 §6) and records the results as headers and as dkim= clauses of
 * Authentication-Results (RFC 8601).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "dkim", title = "DKIM", syntax = "dkim:operation",
        producerOnly = true, category = {Category.MAIL, Category.SECURITY}, headersClass = DkimConstants.class)
public class DkimEndpoint extends DefaultEndpoint {

    @UriPath(enums = "sign,verify", description = "sign adds DKIM signatures, verify checks them")
    @Metadata(required = true)
    private String operation;

    @UriParam(label = "sign", description = "Key table file: lines of 'signing-domain selector key-file' (relative "
            + "key paths resolve against the table's directory); several lines for a domain give several signatures; "
            + "empty means no keys, so messages pass unsigned")
    private String keyTable;
    @UriParam(label = "sign", description = "Signing domain to use instead of the From domain (the "
            + "MailpipeDkimDomain header overrides it)")
    private String domain;
    @UriParam(label = "sign", description = "Comma-separated header fields to sign when present; From is required",
            defaultValue = "from,reply-to,subject,date,to,cc,message-id,in-reply-to,references,mime-version,"
                    + "content-type,content-transfer-encoding,content-disposition,sender,list-id,list-unsubscribe,"
                    + "list-unsubscribe-post")
    private String signedHeaders = String.join(",", HeaderPolicy.DEFAULT_SIGNED);
    @UriParam(label = "sign", description = "Comma-separated header fields signed once more than present, so that "
            + "adding one breaks the signature", defaultValue = "from,subject,date,to,cc,reply-to,message-id")
    private String overSignedHeaders = "from,subject,date,to,cc,reply-to,message-id";
    @UriParam(label = "sign", enums = "simple/simple,simple/relaxed,relaxed/simple,relaxed/relaxed",
            defaultValue = "relaxed/relaxed", description = "Header/body canonicalization (c= tag)")
    private String canonicalization = "relaxed/relaxed";
    @UriParam(label = "sign", defaultValue = "rsa-sha256,ed25519-sha256", description = "Comma-separated "
            + "algorithms to sign with; key table keys of other algorithms are skipped")
    private String algorithms = "rsa-sha256,ed25519-sha256";
    @UriParam(label = "sign", defaultValue = "true", description = "Add the signing time (t= tag)")
    private boolean timestamp = true;
    @UriParam(label = "sign", defaultValue = "0", description = "Signature lifetime in seconds for the x= tag; 0 "
            + "adds no x=")
    private long signatureLifetime;
    @UriParam(label = "sign", defaultValue = "false", description = "Add the body length (l= tag); lets anyone "
            + "append text to the message, so off by default")
    private boolean bodyLength;
    @UriParam(label = "sign", defaultValue = "30", description = "Seconds between checks of the key files for "
            + "changes (rotated keys are used without a restart)")
    private long keyReloadInterval = 30;

    @UriParam(label = "verify", description = "authserv-id of the Authentication-Results field (RFC 8601 §2.5); "
            + "defaults to the local host name")
    private String authservId;
    @UriParam(label = "verify", defaultValue = "10", description = "Most DKIM-Signature fields evaluated per "
            + "message; further ones are reported neutral and not checked")
    private int maxSignatures = 10;
    @UriParam(label = "verify", defaultValue = "10000", description = "Milliseconds to wait for a key record before "
            + "the result is temperror")
    private long lookupTimeout = 10000;
    @UriParam(label = "verify", description = "Comma-separated DNS servers (host or host:port) used when the "
            + "component has no resolver bean")
    private String dnsServers;

    public DkimEndpoint(String uri, DkimComponent component) {
        super(uri, component);
    }

    @Override
    public DkimComponent getComponent() {
        return (DkimComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return "sign".equals(operation) ? new DkimSignProducer(this) : new DkimVerifyProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("dkim: is producer only; use dkim:sign or dkim:verify in to:");
    }

    Set<DkimAlgorithm> algorithmSet() {
        Set<DkimAlgorithm> set = EnumSet.noneOf(DkimAlgorithm.class);
        for (String name : split(algorithms)) {
            DkimAlgorithm algorithm = DkimAlgorithm.fromTag(name).filter(DkimAlgorithm::acceptable)
                    .orElseThrow(() -> new IllegalArgumentException("dkim: unsupported algorithm " + name));
            set.add(algorithm);
        }
        return set;
    }

    Canonicalization[] canonicalizationPair() {
        String[] parts = canonicalization.split("/");
        return new Canonicalization[] {canon(parts[0]), canon(parts.length > 1 ? parts[1] : "simple")};
    }

    private static Canonicalization canon(String name) {
        return Canonicalization.fromTag(name.strip()).orElseThrow(() ->
                new IllegalArgumentException("dkim: unknown canonicalization " + name));
    }

    HeaderPolicy headerPolicy() {
        return HeaderPolicy.of(split(signedHeaders), Set.copyOf(split(overSignedHeaders)));
    }

    static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public String getKeyTable() {
        return keyTable;
    }

    public void setKeyTable(String keyTable) {
        this.keyTable = keyTable;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getSignedHeaders() {
        return signedHeaders;
    }

    public void setSignedHeaders(String signedHeaders) {
        this.signedHeaders = signedHeaders;
    }

    public String getOverSignedHeaders() {
        return overSignedHeaders;
    }

    public void setOverSignedHeaders(String overSignedHeaders) {
        this.overSignedHeaders = overSignedHeaders;
    }

    public String getCanonicalization() {
        return canonicalization;
    }

    public void setCanonicalization(String canonicalization) {
        this.canonicalization = canonicalization;
    }

    public String getAlgorithms() {
        return algorithms;
    }

    public void setAlgorithms(String algorithms) {
        this.algorithms = algorithms;
    }

    public boolean isTimestamp() {
        return timestamp;
    }

    public void setTimestamp(boolean timestamp) {
        this.timestamp = timestamp;
    }

    public long getSignatureLifetime() {
        return signatureLifetime;
    }

    public void setSignatureLifetime(long signatureLifetime) {
        this.signatureLifetime = signatureLifetime;
    }

    public boolean isBodyLength() {
        return bodyLength;
    }

    public void setBodyLength(boolean bodyLength) {
        this.bodyLength = bodyLength;
    }

    public long getKeyReloadInterval() {
        return keyReloadInterval;
    }

    public void setKeyReloadInterval(long keyReloadInterval) {
        this.keyReloadInterval = keyReloadInterval;
    }

    public String getAuthservId() {
        return authservId;
    }

    public void setAuthservId(String authservId) {
        this.authservId = authservId;
    }

    public int getMaxSignatures() {
        return maxSignatures;
    }

    public void setMaxSignatures(int maxSignatures) {
        this.maxSignatures = maxSignatures;
    }

    public long getLookupTimeout() {
        return lookupTimeout;
    }

    public void setLookupTimeout(long lookupTimeout) {
        this.lookupTimeout = lookupTimeout;
    }

    public String getDnsServers() {
        return dnsServers;
    }

    public void setDnsServers(String dnsServers) {
        this.dnsServers = dnsServers;
    }
}
