package io.mailpipe.smtp.client;

/**
 * Listener the client notifies of countable events, so an application can map them onto its metrics library: each
 * TLS session it negotiates with STARTTLS (RFC 3207 §4). Called on I/O threads: implementations must be
 * thread-safe and must not block.
 */
public interface SmtpClientMetrics {

    /** A listener that ignores everything. */
    SmtpClientMetrics NONE = new SmtpClientMetrics() {
    };

    default void tlsEstablished(String protocol, String cipherSuite) {
    }
}
