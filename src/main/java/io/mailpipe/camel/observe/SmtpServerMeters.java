package io.mailpipe.camel.observe;

import io.mailpipe.smtp.SmtpReply;
import io.mailpipe.smtp.server.SessionSummary;
import io.mailpipe.smtp.server.SmtpServerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Maps the SMTP server's events onto Micrometer meters: open connections of one listener, connections and refusals
 * by reason, messages by reply class and code (RFC 5321 §4.2.1), bytes received, TLS sessions by protocol
 * (RFC 3207) and AUTH outcomes by mechanism (RFC 4954); each ended session is also written to the {@link SessionLog}.
 */
public final class SmtpServerMeters implements SmtpServerMetrics {

    private final MeterRegistry registry;
    private final AtomicLong open;
    private final Counter connections;
    private final Counter bytes;

    /** Meters for the listener named {@code listener} (host:port as configured). */
    public SmtpServerMeters(PipelineMeters meters, String listener) {
        this.registry = meters.registry();
        this.open = meters.gaugeValue("mailpipe.smtpd.connections.open", "SMTP connections open now", "listener",
                listener);
        this.connections = Counter.builder("mailpipe.smtpd.connections")
                .description("SMTP connections admitted").register(registry);
        this.bytes = Counter.builder("mailpipe.smtpd.received").baseUnit("bytes")
                .description("Octets received from SMTP clients").register(registry);
    }

    @Override
    public void connectionOpened() {
        open.incrementAndGet();
        connections.increment();
    }

    @Override
    public void connectionClosed() {
        open.decrementAndGet();
    }

    @Override
    public void connectionRefused(RefusalReason reason) {
        registry.counter("mailpipe.smtpd.connections.refused", "reason", reason.name().toLowerCase(Locale.ROOT))
                .increment();
    }

    @Override
    public void messageAccepted(long size) {
        message(250);
    }

    @Override
    public void messageRejected(SmtpReply reply) {
        message(reply.code());
    }

    private void message(int code) {
        Counter.builder("mailpipe.smtpd.messages").description("Messages answered at the end of data, by reply")
                .tag("class", code / 100 + "xx").tag("code", String.valueOf(code)).register(registry).increment();
    }

    @Override
    public void bytesReceived(long count) {
        bytes.increment(count);
    }

    @Override
    public void tlsEstablished(String protocol, String cipherSuite) {
        TlsMeters.established(registry, "inbound", protocol);
    }

    @Override
    public void authSucceeded(String mechanism) {
        auth(mechanism, "success");
    }

    @Override
    public void authFailed(String mechanism) {
        auth(mechanism, "failure");
    }

    private void auth(String mechanism, String outcome) {
        registry.counter("mailpipe.smtpd.auth", "mechanism", mechanism.toLowerCase(Locale.ROOT), "outcome", outcome)
                .increment();
    }

    @Override
    public void sessionEnded(SessionSummary summary) {
        SessionLog.log(summary);
    }
}
