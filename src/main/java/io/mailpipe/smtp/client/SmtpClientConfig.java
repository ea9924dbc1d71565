package io.mailpipe.smtp.client;

import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.TrustManagerFactory;

/**
 * Settings of one {@link SmtpClient}: the name sent in EHLO/HELO (RFC 5321 §4.1.1.1), the time limits of
 * RFC 5321 §4.5.3.2, reply size bounds, the trust anchors for verified TLS, the I/O thread count, and the
 * connection pool limits per destination (messages per connection, idle time, concurrent connections, message
 * rate). Immutable; built with {@link #builder()}.
 */
public final class SmtpClientConfig {

    private final String heloName;
    private final ClientTimeouts timeouts;
    private final int maxReplyLineLength;
    private final int maxReplyLines;
    private final TrustManagerFactory trustManagers;
    private final int ioThreads;
    private final int maxMessagesPerConnection;
    private final Duration idleTimeout;
    private final int maxConnectionsPerDestination;
    private final double messagesPerSecondPerDestination;
    private final SmtpClientMetrics metrics;

    private SmtpClientConfig(Builder b) {
        this.heloName = Objects.requireNonNull(b.heloName, "heloName");
        this.timeouts = Objects.requireNonNull(b.timeouts, "timeouts");
        this.maxReplyLineLength = positive(b.maxReplyLineLength, "maxReplyLineLength");
        this.maxReplyLines = positive(b.maxReplyLines, "maxReplyLines");
        this.trustManagers = b.trustManagers;
        this.ioThreads = positive(b.ioThreads, "ioThreads");
        this.maxMessagesPerConnection = positive(b.maxMessagesPerConnection, "maxMessagesPerConnection");
        this.idleTimeout = Objects.requireNonNull(b.idleTimeout, "idleTimeout");
        this.maxConnectionsPerDestination = positive(b.maxConnectionsPerDestination, "maxConnectionsPerDestination");
        if (b.messagesPerSecondPerDestination < 0) {
            throw new IllegalArgumentException("messagesPerSecondPerDestination must not be negative");
        }
        this.messagesPerSecondPerDestination = b.messagesPerSecondPerDestination;
        this.metrics = Objects.requireNonNull(b.metrics, "metrics");
    }

    private static int positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + value);
        }
        return value;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String heloName() {
        return heloName;
    }

    public ClientTimeouts timeouts() {
        return timeouts;
    }

    public int maxReplyLineLength() {
        return maxReplyLineLength;
    }

    public int maxReplyLines() {
        return maxReplyLines;
    }

    /** Trust anchors for {@link TlsPolicy#REQUIRED_VERIFY}; null means the JDK's default trust store. */
    public TrustManagerFactory trustManagers() {
        return trustManagers;
    }

    public int ioThreads() {
        return ioThreads;
    }

    public int maxMessagesPerConnection() {
        return maxMessagesPerConnection;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public int maxConnectionsPerDestination() {
        return maxConnectionsPerDestination;
    }

    /** Messages per second started per destination; 0 means no limit. */
    public double messagesPerSecondPerDestination() {
        return messagesPerSecondPerDestination;
    }

    /** Where countable events go (TLS sessions); {@link SmtpClientMetrics#NONE} by default. */
    public SmtpClientMetrics metrics() {
        return metrics;
    }

    /** Mutable builder with the defaults documented on each setter. */
    public static final class Builder {
        private String heloName = "localhost";
        private ClientTimeouts timeouts = ClientTimeouts.rfc5321();
        private int maxReplyLineLength = 2048;
        private int maxReplyLines = 100;
        private TrustManagerFactory trustManagers;
        private int ioThreads = 2;
        private int maxMessagesPerConnection = 100;
        private Duration idleTimeout = Duration.ofSeconds(5);
        private int maxConnectionsPerDestination = 20;
        private double messagesPerSecondPerDestination;
        private SmtpClientMetrics metrics = SmtpClientMetrics.NONE;

        /** The host name sent in EHLO/HELO; default "localhost" (set it to the public name of this MTA). */
        public Builder heloName(String value) {
            heloName = value;
            return this;
        }

        /** Default {@link ClientTimeouts#rfc5321()}. */
        public Builder timeouts(ClientTimeouts value) {
            timeouts = value;
            return this;
        }

        /** Longest reply line accepted, in octets without CRLF; default 2048 (RFC 5321 asks for 512 at least). */
        public Builder maxReplyLineLength(int value) {
            maxReplyLineLength = value;
            return this;
        }

        /** Most lines in one multi-line reply; default 100. */
        public Builder maxReplyLines(int value) {
            maxReplyLines = value;
            return this;
        }

        /** Trust anchors for verified TLS; default the JDK trust store. */
        public Builder trustManagers(TrustManagerFactory value) {
            trustManagers = value;
            return this;
        }

        /** Netty I/O threads shared by all connections; default 2. */
        public Builder ioThreads(int value) {
            ioThreads = value;
            return this;
        }

        /** Transactions on one connection before it is closed; default 100. */
        public Builder maxMessagesPerConnection(int value) {
            maxMessagesPerConnection = value;
            return this;
        }

        /** How long an unused pooled connection stays open; default 5 s. */
        public Builder idleTimeout(Duration value) {
            idleTimeout = value;
            return this;
        }

        /** Open connections per destination host and port; default 20. */
        public Builder maxConnectionsPerDestination(int value) {
            maxConnectionsPerDestination = value;
            return this;
        }

        /** Transactions started per second per destination; default 0 (no limit). */
        public Builder messagesPerSecondPerDestination(double value) {
            messagesPerSecondPerDestination = value;
            return this;
        }

        /** Where countable events go; default {@link SmtpClientMetrics#NONE}. */
        public Builder metrics(SmtpClientMetrics value) {
            metrics = value;
            return this;
        }

        public SmtpClientConfig build() {
            return new SmtpClientConfig(this);
        }
    }
}
