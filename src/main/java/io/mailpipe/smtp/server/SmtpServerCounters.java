package io.mailpipe.smtp.server;

import io.mailpipe.smtp.SmtpReply;

import java.util.concurrent.atomic.LongAdder;

/**
 * Ready-made {@link SmtpServerMetrics} that keeps plain counters (rejections split into 4xx and 5xx reply classes,
 * RFC 5321 §4.2.1), for applications that poll numbers rather than push events.
 */
public final class SmtpServerCounters implements SmtpServerMetrics {

    private final LongAdder opened = new LongAdder();
    private final LongAdder closed = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder rejectedTransient = new LongAdder();
    private final LongAdder rejectedPermanent = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder tlsSessions = new LongAdder();
    private final LongAdder authSuccesses = new LongAdder();
    private final LongAdder authFailures = new LongAdder();

    @Override
    public void connectionOpened() {
        opened.increment();
    }

    @Override
    public void connectionClosed() {
        closed.increment();
    }

    @Override
    public void connectionRefused(RefusalReason reason) {
        refused.increment();
    }

    @Override
    public void messageAccepted(long size) {
        accepted.increment();
    }

    @Override
    public void messageRejected(SmtpReply reply) {
        (reply.isTransientFailure() ? rejectedTransient : rejectedPermanent).increment();
    }

    @Override
    public void bytesReceived(long count) {
        bytes.add(count);
    }

    @Override
    public void tlsEstablished(String protocol, String cipherSuite) {
        tlsSessions.increment();
    }

    @Override
    public void authSucceeded(String mechanism) {
        authSuccesses.increment();
    }

    @Override
    public void authFailed(String mechanism) {
        authFailures.increment();
    }

    /** Connections accepted and not yet closed (refused connections included while they are being closed). */
    public long connectionsOpen() {
        return opened.sum() - closed.sum();
    }

    public long connectionsOpened() { return opened.sum(); }
    public long connectionsRefused() { return refused.sum(); }
    public long messagesAccepted() { return accepted.sum(); }
    public long messagesRejectedTransient() { return rejectedTransient.sum(); }
    public long messagesRejectedPermanent() { return rejectedPermanent.sum(); }
    public long bytesReceived() { return bytes.sum(); }
    public long tlsSessions() { return tlsSessions.sum(); }
    public long authSuccesses() { return authSuccesses.sum(); }
    public long authFailures() { return authFailures.sum(); }
}
