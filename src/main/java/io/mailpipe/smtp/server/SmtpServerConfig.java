package io.mailpipe.smtp.server;

import io.mailpipe.smtp.BareLineEndingPolicy;
import io.mailpipe.smtp.server.auth.Authenticator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Immutable settings of one SMTP listener. Defaults follow RFC 5321 §4.5.3 (line lengths, timeouts: §4.5.3.2),
 * RFC 1870 (SIZE), RFC 3207 (STARTTLS), RFC 8314 (implicit TLS) and RFC 4954 (AUTH only over TLS, §4). Option names
 * are the URI option names of the Camel endpoint, one to one.
 */
public final class SmtpServerConfig {

    private final String host;
    private final int port;
    private final String serverName;
    private final long maxMessageSize;
    private final int maxRecipients;
    private final int maxCommandLineLength;
    private final int maxDataLineLength;
    private final Duration commandTimeout;
    private final Duration dataTimeout;
    private final int maxConnections;
    private final int maxConnectionsPerClient;
    private final int maxErrors;
    private final int ioThreads;
    private final BareLineEndingPolicy bareLineEndings;
    private final Path tlsCertificateFile;
    private final Path tlsKeyFile;
    private final boolean startTls;
    private final boolean implicitTls;
    private final boolean requireTls;
    private final boolean requireAuth;
    private final Authenticator authenticator;
    private final boolean authAllowPlaintext;
    private final Duration authFailureDelay;
    private final int maxAuthFailures;
    private final Set<String> localDomains;
    private final List<String> trustedNetworks;
    private final Executor workerExecutor;
    private final int maxPendingMessages;
    private final int memoryThreshold;
    private final Path tempDirectory;
    private final Duration shutdownTimeout;
    private final Supplier<String> queueIdGenerator;
    private final SmtpServerMetrics metrics;

    private SmtpServerConfig(Builder b) {
        host = Objects.requireNonNull(b.host, "host");
        port = requireRange("port", b.port, 0, 65535);
        serverName = b.serverName != null ? b.serverName : localHostName();
        maxMessageSize = requirePositive("maxMessageSize", b.maxMessageSize);
        maxRecipients = requirePositive("maxRecipients", b.maxRecipients);
        maxCommandLineLength = requireRange("maxCommandLineLength", b.maxCommandLineLength, 512, 1 << 20);
        maxDataLineLength = requireRange("maxDataLineLength", b.maxDataLineLength, 1000, 1 << 24);
        commandTimeout = requirePositive("commandTimeout", b.commandTimeout);
        dataTimeout = requirePositive("dataTimeout", b.dataTimeout);
        maxConnections = requirePositive("maxConnections", b.maxConnections);
        maxConnectionsPerClient = requirePositive("maxConnectionsPerClient", b.maxConnectionsPerClient);
        maxErrors = requirePositive("maxErrors", b.maxErrors);
        ioThreads = requirePositive("ioThreads", b.ioThreads);
        bareLineEndings = Objects.requireNonNull(b.bareLineEndings, "bareLineEndings");
        tlsCertificateFile = b.tlsCertificateFile;
        tlsKeyFile = b.tlsKeyFile;
        startTls = b.startTls;
        implicitTls = b.implicitTls;
        requireTls = b.requireTls;
        requireAuth = b.requireAuth;
        authenticator = b.authenticator;
        authAllowPlaintext = b.authAllowPlaintext;
        checkSecurityCombination();
        authFailureDelay = requireNonNegative("authFailureDelay", b.authFailureDelay);
        maxAuthFailures = requirePositive("maxAuthFailures", b.maxAuthFailures);
        localDomains = b.localDomains.stream().map(d -> d.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        trustedNetworks = List.copyOf(b.trustedNetworks);
        trustedNetworks.forEach(NetworkRange::parse);
        workerExecutor = Objects.requireNonNull(b.workerExecutor, "workerExecutor is required");
        maxPendingMessages = requirePositive("maxPendingMessages", b.maxPendingMessages);
        memoryThreshold = requireRange("memoryThreshold", b.memoryThreshold, 0, Integer.MAX_VALUE);
        tempDirectory = b.tempDirectory != null ? b.tempDirectory : Path.of(System.getProperty("java.io.tmpdir"));
        shutdownTimeout = requireNonNegative("shutdownTimeout", b.shutdownTimeout);
        queueIdGenerator = b.queueIdGenerator != null ? b.queueIdGenerator : new SortableQueueIdGenerator();
        metrics = Objects.requireNonNull(b.metrics, "metrics");
    }

    private void checkSecurityCombination() {
        if ((tlsCertificateFile == null) != (tlsKeyFile == null)) {
            throw new IllegalArgumentException("tlsCertificateFile and tlsKeyFile must be given together");
        }
        if (implicitTls && tlsCertificateFile == null) {
            throw new IllegalArgumentException("implicitTls needs tlsCertificateFile and tlsKeyFile");
        }
        if (requireTls && !tlsAvailable()) {
            throw new IllegalArgumentException("requireTls needs a certificate and startTls or implicitTls");
        }
        if (requireAuth && authenticator == null) {
            throw new IllegalArgumentException("requireAuth needs an authenticator");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with this configuration's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** True when TLS can be negotiated at all (a certificate plus STARTTLS or implicit TLS). */
    public boolean tlsAvailable() {
        return tlsCertificateFile != null && (startTls || implicitTls);
    }

    /** True when STARTTLS is offered: a certificate is configured, startTls is on and the listener is not implicit TLS. */
    public boolean startTlsOffered() {
        return tlsCertificateFile != null && startTls && !implicitTls;
    }

    public String host() { return host; }
    public int port() { return port; }
    public String serverName() { return serverName; }
    public long maxMessageSize() { return maxMessageSize; }
    public int maxRecipients() { return maxRecipients; }
    public int maxCommandLineLength() { return maxCommandLineLength; }
    public int maxDataLineLength() { return maxDataLineLength; }
    public Duration commandTimeout() { return commandTimeout; }
    public Duration dataTimeout() { return dataTimeout; }
    public int maxConnections() { return maxConnections; }
    public int maxConnectionsPerClient() { return maxConnectionsPerClient; }
    public int maxErrors() { return maxErrors; }
    /** Event-loop threads that carry every connection's I/O; they never block, so one per processor is enough. */
    public int ioThreads() { return ioThreads; }
    public BareLineEndingPolicy bareLineEndings() { return bareLineEndings; }
    public Path tlsCertificateFile() { return tlsCertificateFile; }
    public Path tlsKeyFile() { return tlsKeyFile; }
    public boolean startTls() { return startTls; }
    public boolean implicitTls() { return implicitTls; }
    public boolean requireTls() { return requireTls; }
    public boolean requireAuth() { return requireAuth; }
    public Authenticator authenticator() { return authenticator; }
    public boolean authAllowPlaintext() { return authAllowPlaintext; }
    public Duration authFailureDelay() { return authFailureDelay; }
    public int maxAuthFailures() { return maxAuthFailures; }
    public Set<String> localDomains() { return localDomains; }
    public List<String> trustedNetworks() { return trustedNetworks; }
    public Executor workerExecutor() { return workerExecutor; }
    public int maxPendingMessages() { return maxPendingMessages; }
    public int memoryThreshold() { return memoryThreshold; }
    public Path tempDirectory() { return tempDirectory; }
    public Duration shutdownTimeout() { return shutdownTimeout; }
    public Supplier<String> queueIdGenerator() { return queueIdGenerator; }
    public SmtpServerMetrics metrics() { return metrics; }

    /** The name the server uses when none is configured: the local host's canonical name, else "localhost". */
    public static String localHostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static int requirePositive(String name, int value) {
        return requireRange(name, value, 1, Integer.MAX_VALUE);
    }

    private static long requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    private static int requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "]: " + value);
        }
        return value;
    }

    private static Duration requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration: " + value);
        }
        return value;
    }

    private static Duration requireNonNegative(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }

    /** Mutable collector of settings; {@link #build()} validates them. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 2525;
        private String serverName;
        private long maxMessageSize = 52_428_800L;
        private int maxRecipients = 1000;
        private int maxCommandLineLength = 512;
        private int maxDataLineLength = 65_536;
        private Duration commandTimeout = Duration.ofMinutes(5);
        private Duration dataTimeout = Duration.ofMinutes(3);
        private int maxConnections = 20_000;
        private int maxConnectionsPerClient = 100;
        private int maxErrors = 10;
        private int ioThreads = Runtime.getRuntime().availableProcessors();
        private BareLineEndingPolicy bareLineEndings = BareLineEndingPolicy.REJECT;
        private Path tlsCertificateFile;
        private Path tlsKeyFile;
        private boolean startTls = true;
        private boolean implicitTls;
        private boolean requireTls;
        private boolean requireAuth;
        private Authenticator authenticator;
        private boolean authAllowPlaintext;
        private Duration authFailureDelay = Duration.ofSeconds(1);
        private int maxAuthFailures = 3;
        private Set<String> localDomains = Set.of();
        private List<String> trustedNetworks = List.of("127.0.0.0/8", "::1/128");
        private Executor workerExecutor;
        private int maxPendingMessages = 2 * Runtime.getRuntime().availableProcessors() * 4;
        private int memoryThreshold = 262_144;
        private Path tempDirectory;
        private Duration shutdownTimeout = Duration.ofSeconds(30);
        private Supplier<String> queueIdGenerator;
        private SmtpServerMetrics metrics = SmtpServerMetrics.NONE;

        private Builder() {
        }

        private Builder(SmtpServerConfig c) {
            host = c.host; port = c.port; serverName = c.serverName; maxMessageSize = c.maxMessageSize;
            maxRecipients = c.maxRecipients; maxCommandLineLength = c.maxCommandLineLength;
            maxDataLineLength = c.maxDataLineLength; commandTimeout = c.commandTimeout; dataTimeout = c.dataTimeout;
            maxConnections = c.maxConnections; maxConnectionsPerClient = c.maxConnectionsPerClient;
            maxErrors = c.maxErrors; ioThreads = c.ioThreads; bareLineEndings = c.bareLineEndings;
            tlsCertificateFile = c.tlsCertificateFile;
            tlsKeyFile = c.tlsKeyFile; startTls = c.startTls; implicitTls = c.implicitTls; requireTls = c.requireTls;
            requireAuth = c.requireAuth; authenticator = c.authenticator; authAllowPlaintext = c.authAllowPlaintext;
            authFailureDelay = c.authFailureDelay; maxAuthFailures = c.maxAuthFailures;
            localDomains = c.localDomains; trustedNetworks = c.trustedNetworks; workerExecutor = c.workerExecutor;
            maxPendingMessages = c.maxPendingMessages; memoryThreshold = c.memoryThreshold;
            tempDirectory = c.tempDirectory; shutdownTimeout = c.shutdownTimeout;
            queueIdGenerator = c.queueIdGenerator; metrics = c.metrics;
        }

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder serverName(String v) { serverName = v; return this; }
        public Builder maxMessageSize(long v) { maxMessageSize = v; return this; }
        public Builder maxRecipients(int v) { maxRecipients = v; return this; }
        public Builder maxCommandLineLength(int v) { maxCommandLineLength = v; return this; }
        public Builder maxDataLineLength(int v) { maxDataLineLength = v; return this; }
        public Builder commandTimeout(Duration v) { commandTimeout = v; return this; }
        public Builder dataTimeout(Duration v) { dataTimeout = v; return this; }
        public Builder maxConnections(int v) { maxConnections = v; return this; }
        public Builder maxConnectionsPerClient(int v) { maxConnectionsPerClient = v; return this; }
        public Builder maxErrors(int v) { maxErrors = v; return this; }
        public Builder ioThreads(int v) { ioThreads = v; return this; }
        public Builder bareLineEndings(BareLineEndingPolicy v) { bareLineEndings = v; return this; }
        public Builder tlsCertificateFile(Path v) { tlsCertificateFile = v; return this; }
        public Builder tlsKeyFile(Path v) { tlsKeyFile = v; return this; }
        public Builder startTls(boolean v) { startTls = v; return this; }
        public Builder implicitTls(boolean v) { implicitTls = v; return this; }
        public Builder requireTls(boolean v) { requireTls = v; return this; }
        public Builder requireAuth(boolean v) { requireAuth = v; return this; }
        public Builder authenticator(Authenticator v) { authenticator = v; return this; }
        public Builder authAllowPlaintext(boolean v) { authAllowPlaintext = v; return this; }
        public Builder authFailureDelay(Duration v) { authFailureDelay = v; return this; }
        public Builder maxAuthFailures(int v) { maxAuthFailures = v; return this; }
        public Builder localDomains(Set<String> v) { localDomains = Set.copyOf(v); return this; }
        public Builder trustedNetworks(List<String> v) { trustedNetworks = List.copyOf(v); return this; }
        public Builder workerExecutor(Executor v) { workerExecutor = v; return this; }
        public Builder maxPendingMessages(int v) { maxPendingMessages = v; return this; }
        public Builder memoryThreshold(int v) { memoryThreshold = v; return this; }
        public Builder tempDirectory(Path v) { tempDirectory = v; return this; }
        public Builder shutdownTimeout(Duration v) { shutdownTimeout = v; return this; }
        public Builder queueIdGenerator(Supplier<String> v) { queueIdGenerator = v; return this; }
        public Builder metrics(SmtpServerMetrics v) { metrics = v; return this; }

        public SmtpServerConfig build() {
            return new SmtpServerConfig(this);
        }
    }
}
