package io.mailpipe.smtp.server;

import io.mailpipe.smtp.SmtpReply;

/**
 * Listener the server notifies of countable events (connections, messages by reply class as in RFC 5321 §4.2.1,
 * bytes, TLS sessions per RFC 3207, AUTH outcomes per RFC 4954) and of each session's end with its
 * {@link SessionSummary}, so an application can map them onto its metrics library and logs.
 * Called on event-loop and worker threads: implementations must be thread-safe and must not block.
 */
public interface SmtpServerMetrics {

    /** Why a connection was answered with 421 and closed right after accepting it. */
    enum RefusalReason { TOO_MANY_CONNECTIONS, TOO_MANY_FROM_CLIENT, SHUTTING_DOWN }

    /** A listener that ignores everything. */
    SmtpServerMetrics NONE = new SmtpServerMetrics() {
    };

    default void connectionOpened() {
    }

    default void connectionClosed() {
    }

    default void connectionRefused(RefusalReason reason) {
    }

    /** A message the receiver accepted; size is the stored size including the Received field. */
    default void messageAccepted(long size) {
    }

    /** A message refused at the end of DATA/BDAT, by the receiver or by a data-phase limit. */
    default void messageRejected(SmtpReply reply) {
    }

    default void bytesReceived(long count) {
    }

    default void tlsEstablished(String protocol, String cipherSuite) {
    }

    default void authSucceeded(String mechanism) {
    }

    default void authFailed(String mechanism) {
    }

    /** A session whose connection was admitted has ended (called once, after its connection closed). */
    default void sessionEnded(SessionSummary summary) {
    }
}
