package io.mailpipe.camel.observe;

import io.mailpipe.dns.DnsAnswer;
import io.mailpipe.dns.MxRecord;
import io.mailpipe.dns.Resolver;
import io.mailpipe.dns.TxtRecord;
import io.mailpipe.queue.DeliveryEvent;
import io.mailpipe.smtp.SmtpReply;
import io.mailpipe.smtp.server.SmtpServerMetrics.RefusalReason;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The meters of the pipeline as Prometheus scrapes them: names, labels and values. */
class MetersRenderingTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final PipelineMeters meters = new PipelineMeters(registry);

    private void assertSample(String sample, String value) {
        String text = registry.scrape();
        assertTrue(text.contains("\n" + sample + " " + value + "\n"), sample + " " + value + " not in:\n" + text);
    }

    @Test
    void smtpServerEventsBecomeConnectionMessageByteTlsAndAuthSeries() {
        SmtpServerMeters smtpd = new SmtpServerMeters(meters, "0.0.0.0:25");
        smtpd.connectionOpened();
        smtpd.connectionOpened();
        smtpd.connectionClosed();
        smtpd.connectionRefused(RefusalReason.TOO_MANY_FROM_CLIENT);
        smtpd.messageAccepted(1000);
        smtpd.messageAccepted(2000);
        smtpd.messageRejected(SmtpReply.of(550, "5.7.23", "SPF fail"));
        smtpd.messageRejected(SmtpReply.of(451, "4.3.0", "try later"));
        smtpd.bytesReceived(4096);
        smtpd.tlsEstablished("TLSv1.3", "TLS_AES_128_GCM_SHA256");
        smtpd.authSucceeded("PLAIN");
        smtpd.authFailed("LOGIN");

        assertSample("mailpipe_smtpd_connections_open{listener=\"0.0.0.0:25\"}", "1.0");
        assertSample("mailpipe_smtpd_connections_total", "2.0");
        assertSample("mailpipe_smtpd_connections_refused_total{reason=\"too_many_from_client\"}", "1.0");
        assertSample("mailpipe_smtpd_messages_total{class=\"2xx\",code=\"250\"}", "2.0");
        assertSample("mailpipe_smtpd_messages_total{class=\"5xx\",code=\"550\"}", "1.0");
        assertSample("mailpipe_smtpd_messages_total{class=\"4xx\",code=\"451\"}", "1.0");
        assertSample("mailpipe_smtpd_received_bytes_total", "4096.0");
        assertSample("mailpipe_tls_sessions_total{direction=\"inbound\",protocol=\"TLSv1.3\"}", "1.0");
        assertSample("mailpipe_smtpd_auth_total{mechanism=\"plain\",outcome=\"success\"}", "1.0");
        assertSample("mailpipe_smtpd_auth_total{mechanism=\"login\",outcome=\"failure\"}", "1.0");
    }

    @Test
    void aListenerStartedAgainKeepsFeedingTheSameOpenConnectionsGauge() {
        new SmtpServerMeters(meters, "0.0.0.0:25").connectionOpened();
        SmtpServerMeters restarted = new SmtpServerMeters(meters, "0.0.0.0:25");
        restarted.connectionOpened();
        restarted.connectionClosed();

        assertSample("mailpipe_smtpd_connections_open{listener=\"0.0.0.0:25\"}", "1.0");
    }

    @Test
    void outboundTlsSessionsAreCountedApartFromInboundOnes() {
        new TlsMeters(registry).tlsEstablished("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");

        assertSample("mailpipe_tls_sessions_total{direction=\"outbound\",protocol=\"TLSv1.2\"}", "1.0");
    }

    @Test
    void recipientOutcomesAreCountedByDomainAndFinalOnesTimedFromReceipt() {
        List<DeliveryEvent> passedOn = new ArrayList<>();
        DeliveryMeters deliveries = new DeliveryMeters(meters, passedOn::add);
        Instant received = Instant.parse("2026-11-23T10:00:00Z");
        deliveries.record(event(DeliveryEvent.Type.DELIVERED, "a@X.example", received, received.plusSeconds(3)));
        deliveries.record(event(DeliveryEvent.Type.DEFERRED, "b@y.example", received, received.plusSeconds(60)));
        deliveries.record(event(DeliveryEvent.Type.BOUNCED, "c@y.example", received, received.plusSeconds(600)));

        assertEquals(3, passedOn.size());
        assertSample("mailpipe_deliveries_total{domain=\"x.example\",outcome=\"delivered\"}", "1.0");
        assertSample("mailpipe_deliveries_total{domain=\"y.example\",outcome=\"deferred\"}", "1.0");
        assertSample("mailpipe_deliveries_total{domain=\"y.example\",outcome=\"bounced\"}", "1.0");
        assertSample("mailpipe_delivery_latency_seconds_bucket{outcome=\"delivered\",le=\"5.0\"}", "1");
        assertSample("mailpipe_delivery_latency_seconds_bucket{outcome=\"delivered\",le=\"1.0\"}", "0");
        assertSample("mailpipe_delivery_latency_seconds_sum{outcome=\"bounced\"}", "600.0");
        assertTrue(!registry.scrape().contains("mailpipe_delivery_latency_seconds_count{outcome=\"deferred\"}"));
    }

    private static DeliveryEvent event(DeliveryEvent.Type type, String recipient, Instant received, Instant at) {
        return new DeliveryEvent(at, type, "Q1", recipient, 1, SmtpReply.of(250, "2.0.0", "Ok"), "mx.example", null,
                received);
    }

    @Test
    void domainsBeyondTheCapAreCountedAsOther() {
        for (int i = 0; i < PipelineMeters.MAX_DOMAINS; i++) {
            assertEquals("d" + i + ".example", meters.domainTag("D" + i + ".example"));
        }

        assertEquals("other", meters.domainTag("one-too-many.example"));
        assertEquals("d0.example", meters.domainTag("d0.example"));
    }

    @Test
    void dnsLookupsAreCountedByTypeAndStatus() {
        Resolver resolver = MeteredResolver.wrap(new FixedResolver(), meters);
        resolver.lookupTxt("x.example");
        resolver.lookupTxt("x.example");
        resolver.lookupMx("x.example");

        assertSample("mailpipe_dns_lookups_total{status=\"found\",type=\"TXT\"}", "2.0");
        assertSample("mailpipe_dns_lookups_total{status=\"servfail\",type=\"MX\"}", "1.0");
        assertEquals(resolver, MeteredResolver.wrap(resolver, meters));
    }

    @Test
    void withoutABoundInstanceMetersGoNowhereAndComponentsStillWork() {
        PipelineMeters unbound = PipelineMeters.of(null);

        unbound.registry().counter("mailpipe.test").increment();
        assertTrue(unbound.registry() instanceof CompositeMeterRegistry);
        assertEquals(0.0, unbound.registry().counter("mailpipe.test").count());
    }

    /** TXT lookups find a record, every other type fails. */
    private static final class FixedResolver implements Resolver {

        @Override
        public CompletionStage<DnsAnswer<Inet4Address>> lookupA(String name) {
            return CompletableFuture.completedFuture(DnsAnswer.servfail("test"));
        }

        @Override
        public CompletionStage<DnsAnswer<Inet6Address>> lookupAaaa(String name) {
            return CompletableFuture.completedFuture(DnsAnswer.servfail("test"));
        }

        @Override
        public CompletionStage<DnsAnswer<MxRecord>> lookupMx(String name) {
            return CompletableFuture.completedFuture(DnsAnswer.servfail("test"));
        }

        @Override
        public CompletionStage<DnsAnswer<TxtRecord>> lookupTxt(String name) {
            return CompletableFuture.completedFuture(DnsAnswer.found(List.of(new TxtRecord(List.of("v=spf1 -all")))));
        }

        @Override
        public CompletionStage<DnsAnswer<String>> lookupPtr(InetAddress address) {
            return CompletableFuture.completedFuture(DnsAnswer.servfail("test"));
        }
    }
}
