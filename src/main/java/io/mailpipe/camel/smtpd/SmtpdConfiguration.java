package io.mailpipe.camel.smtpd;

import io.mailpipe.smtp.BareLineEndingPolicy;
import io.mailpipe.smtp.server.auth.Authenticator;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of an {@code smtpd:} endpoint, each documented once here (RFC 5321 limits and timeouts, RFC 1870
 * SIZE, RFC 3207 STARTTLS, RFC 8314 implicit TLS, RFC 4954 AUTH, relay control).
 */
@UriParams
public class SmtpdConfiguration {
    @UriParam(label = "common",
              description = "The host name this server announces in its greeting, EHLO reply and Received fields. Defaults to the local host name.")
    private String serverName;

    @UriParam(label = "common", defaultValue = "52428800",
              description = "The largest message accepted, in octets; advertised with SIZE (RFC 1870). Larger declared sizes are refused at MAIL and overruns in DATA/BDAT with 552 5.3.4.")
    private long maxMessageSize = 52428800L;

    @UriParam(label = "common", defaultValue = "1000",
              description = "Recipients accepted per message; each one beyond gets 452 4.5.3 (RFC 5321 §4.5.3.1.8).")
    private int maxRecipients = 1000;

    @UriParam(label = "advanced", defaultValue = "512",
              description = "The longest command line in octets including CRLF (RFC 5321 §4.5.3.1.4); longer lines get 500 5.5.2.")
    private int maxCommandLineLength = 512;

    @UriParam(label = "advanced", defaultValue = "65536",
              description = "The longest text line accepted in DATA in octets including CRLF. RFC 5321 §4.5.3.1.6 sets 1000 but real mail carries longer lines; a longer line rejects the message with a 5xx, it is never cut or re-wrapped.")
    private int maxDataLineLength = 65536;

    @UriParam(label = "advanced", defaultValue = "5m", javaType = "java.time.Duration",
              description = "How long the server waits for the next command (RFC 5321 §4.5.3.2); then 421 4.4.2 and the connection is closed.")
    private long commandTimeout = 300000L;

    @UriParam(label = "advanced", defaultValue = "3m", javaType = "java.time.Duration",
              description = "How long the server waits for the next block of message data (RFC 5321 §4.5.3.2.6); then 421 4.4.2.")
    private long dataTimeout = 180000L;

    @UriParam(label = "common", defaultValue = "20000",
              description = "Concurrent connections in total; more get 421 4.7.0 and are closed.")
    private int maxConnections = 20000;

    @UriParam(label = "common", defaultValue = "100",
              description = "Concurrent connections from one client IP address; more get 421 4.7.0.")
    private int maxConnectionsPerClient = 100;

    @UriParam(label = "advanced", defaultValue = "10",
              description = "Error replies one session may receive before the server answers 421 4.7.0 and closes it.")
    private int maxErrors = 10;

    @UriParam(label = "security", defaultValue = "REJECT",
              description = "What to do with a bare CR or LF in DATA (SMTP smuggling defence, RFC 5321 §2.3.8): REJECT refuses the message with a 5xx; NORMALIZE stores it as CRLF. Only CRLF.CRLF ever ends the data.")
    private BareLineEndingPolicy bareLineEndings = BareLineEndingPolicy.REJECT;

    @UriParam(label = "security",
              description = "PEM file with the server certificate chain; enables STARTTLS (RFC 3207) or implicit TLS.")
    private String tlsCertificateFile;

    @UriParam(label = "security", description = "PEM file with the PKCS#8 private key of the certificate.")
    private String tlsKeyFile;

    @UriParam(label = "security", defaultValue = "true",
              description = "Offer STARTTLS when a certificate is configured.")
    private boolean startTls = true;

    @UriParam(label = "security", defaultValue = "false",
              description = "Start TLS as soon as a client connects (RFC 8314 submission over TLS, port 465 style) instead of offering STARTTLS.")
    private boolean implicitTls = false;

    @UriParam(label = "security", defaultValue = "false",
              description = "Refuse MAIL with 530 5.7.0 until the session uses TLS.")
    private boolean requireTls = false;

    @UriParam(label = "security", defaultValue = "false",
              description = "Refuse MAIL with 530 5.7.0 until the client has authenticated (a submission port, RFC 6409).")
    private boolean requireAuth;

    @UriParam(label = "security",
              description = "The authenticator that checks AUTH PLAIN/LOGIN credentials (RFC 4954). Overrides passwordFile.")
    private Authenticator authenticator;

    @UriParam(label = "security",
              description = "A file of user:pbkdf2-sha256:iterations:salt:hash lines; enables AUTH PLAIN and LOGIN with the built-in authenticator.")
    private String passwordFile;

    @UriParam(label = "security", defaultValue = "false",
              description = "Offer AUTH on connections without TLS. Off by default so passwords never travel in clear.")
    private boolean authAllowPlaintext = false;

    @UriParam(label = "security", defaultValue = "1s", javaType = "java.time.Duration",
              description = "Delay before answering a failed AUTH with 535 5.7.8.")
    private long authFailureDelay = 1000L;

    @UriParam(label = "security", defaultValue = "3",
              description = "Failed AUTH attempts per session before 421 and disconnect.")
    private int maxAuthFailures = 3;

    @UriParam(label = "common",
              description = "Comma-separated domains this server accepts mail for from anyone. Other domains are relayed only for authenticated or trusted clients; everything else gets 554 5.7.1.")
    private String localDomains;

    @UriParam(label = "security", defaultValue = "127.0.0.0/8,::1/128",
              description = "Comma-separated CIDR blocks whose clients may relay to any domain.")
    private String trustedNetworks = "127.0.0.0/8,::1/128";

    @UriParam(label = "advanced",
              description = "Network event-loop threads that carry every connection's I/O. They never block, so more than one per processor only adds thread switches. Default: one per processor.")
    private int ioThreads = Runtime.getRuntime().availableProcessors();

    @UriParam(label = "advanced",
              description = "Threads that run the route for received messages (and AUTH checks); never the network event loops. Default: twice the processors, at least 4.")
    private int workerThreads = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);

    @UriParam(label = "advanced", defaultValue = "0",
              description = "Received messages being processed by the route at once; beyond it sessions stop reading (back-pressure). 0 means four per worker thread.")
    private int maxPendingMessages = 0;

    @UriParam(label = "advanced", defaultValue = "262144",
              description = "Message bytes kept in memory before the rest spills to a temporary file.")
    private int memoryThreshold = 262144;

    @UriParam(label = "advanced",
              description = "Directory for spilled message data. Defaults to the JVM's temporary directory.")
    private String tempDirectory;

    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration",
              description = "How long a graceful stop waits for sessions in DATA to finish.")
    private long shutdownTimeout = 30000L;

    public String getServerName() {
        return serverName;
    }

    public void setServerName(String serverName) {
        this.serverName = unsetIfBlank(serverName);
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

    public int getMaxCommandLineLength() {
        return maxCommandLineLength;
    }

    public void setMaxCommandLineLength(int maxCommandLineLength) {
        this.maxCommandLineLength = maxCommandLineLength;
    }

    public int getMaxDataLineLength() {
        return maxDataLineLength;
    }

    public void setMaxDataLineLength(int maxDataLineLength) {
        this.maxDataLineLength = maxDataLineLength;
    }

    public long getCommandTimeout() {
        return commandTimeout;
    }

    public void setCommandTimeout(long commandTimeout) {
        this.commandTimeout = commandTimeout;
    }

    public long getDataTimeout() {
        return dataTimeout;
    }

    public void setDataTimeout(long dataTimeout) {
        this.dataTimeout = dataTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public int getMaxConnectionsPerClient() {
        return maxConnectionsPerClient;
    }

    public void setMaxConnectionsPerClient(int maxConnectionsPerClient) {
        this.maxConnectionsPerClient = maxConnectionsPerClient;
    }

    public int getMaxErrors() {
        return maxErrors;
    }

    public void setMaxErrors(int maxErrors) {
        this.maxErrors = maxErrors;
    }

    public BareLineEndingPolicy getBareLineEndings() {
        return bareLineEndings;
    }

    public void setBareLineEndings(BareLineEndingPolicy bareLineEndings) {
        this.bareLineEndings = bareLineEndings;
    }

    public String getTlsCertificateFile() {
        return tlsCertificateFile;
    }

    public void setTlsCertificateFile(String tlsCertificateFile) {
        this.tlsCertificateFile = unsetIfBlank(tlsCertificateFile);
    }

    public String getTlsKeyFile() {
        return tlsKeyFile;
    }

    public void setTlsKeyFile(String tlsKeyFile) {
        this.tlsKeyFile = unsetIfBlank(tlsKeyFile);
    }

    public boolean isStartTls() {
        return startTls;
    }

    public void setStartTls(boolean startTls) {
        this.startTls = startTls;
    }

    public boolean isImplicitTls() {
        return implicitTls;
    }

    public void setImplicitTls(boolean implicitTls) {
        this.implicitTls = implicitTls;
    }

    public boolean isRequireTls() {
        return requireTls;
    }

    public void setRequireTls(boolean requireTls) {
        this.requireTls = requireTls;
    }

    public boolean isRequireAuth() {
        return requireAuth;
    }

    public void setRequireAuth(boolean requireAuth) {
        this.requireAuth = requireAuth;
    }

    public Authenticator getAuthenticator() {
        return authenticator;
    }

    public void setAuthenticator(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    public String getPasswordFile() {
        return passwordFile;
    }

    public void setPasswordFile(String passwordFile) {
        this.passwordFile = unsetIfBlank(passwordFile);
    }

    public boolean isAuthAllowPlaintext() {
        return authAllowPlaintext;
    }

    public void setAuthAllowPlaintext(boolean authAllowPlaintext) {
        this.authAllowPlaintext = authAllowPlaintext;
    }

    public long getAuthFailureDelay() {
        return authFailureDelay;
    }

    public void setAuthFailureDelay(long authFailureDelay) {
        this.authFailureDelay = authFailureDelay;
    }

    public int getMaxAuthFailures() {
        return maxAuthFailures;
    }

    public void setMaxAuthFailures(int maxAuthFailures) {
        this.maxAuthFailures = maxAuthFailures;
    }

    public String getLocalDomains() {
        return localDomains;
    }

    public void setLocalDomains(String localDomains) {
        this.localDomains = localDomains;
    }

    public String getTrustedNetworks() {
        return trustedNetworks;
    }

    public void setTrustedNetworks(String trustedNetworks) {
        this.trustedNetworks = trustedNetworks;
    }

    public int getIoThreads() {
        return ioThreads;
    }

    public void setIoThreads(int ioThreads) {
        this.ioThreads = ioThreads;
    }

    public int getWorkerThreads() {
        return workerThreads;
    }

    public void setWorkerThreads(int workerThreads) {
        this.workerThreads = workerThreads;
    }

    public int getMaxPendingMessages() {
        return maxPendingMessages;
    }

    public void setMaxPendingMessages(int maxPendingMessages) {
        this.maxPendingMessages = maxPendingMessages;
    }

    public int getMemoryThreshold() {
        return memoryThreshold;
    }

    public void setMemoryThreshold(int memoryThreshold) {
        this.memoryThreshold = memoryThreshold;
    }

    public String getTempDirectory() {
        return tempDirectory;
    }

    public void setTempDirectory(String tempDirectory) {
        this.tempDirectory = unsetIfBlank(tempDirectory);
    }

    public long getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(long shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    /** An empty value means the option is not set, so a route can pass an empty placeholder for an unused option. */
    private static String unsetIfBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
