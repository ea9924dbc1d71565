package io.mailpipe.camel.observe;

import io.mailpipe.smtp.client.SmtpClientMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * TLS sessions (RFC 3207 STARTTLS, RFC 8314 implicit TLS) counted by direction and protocol version in one meter,
 * {@code mailpipe.tls.sessions}; this class is also the SMTP client's listener for the outbound direction.
 */
public final class TlsMeters implements SmtpClientMetrics {

    private final MeterRegistry registry;

    public TlsMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void tlsEstablished(String protocol, String cipherSuite) {
        established(registry, "outbound", protocol);
    }

    static void established(MeterRegistry registry, String direction, String protocol) {
        Counter.builder("mailpipe.tls.sessions").description("TLS sessions negotiated, by direction and protocol")
                .tag("direction", direction).tag("protocol", protocol == null ? "unknown" : protocol)
                .register(registry).increment();
    }
}
