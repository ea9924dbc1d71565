package io.mailpipe.camel.observe;

import io.mailpipe.delivery.shaping.Admission;
import io.mailpipe.delivery.shaping.Scope;
import io.mailpipe.delivery.shaping.ShapingFile;
import io.mailpipe.delivery.shaping.TrafficShaper;
import io.mailpipe.smtp.SmtpReply;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The traffic shaping meters against a simple registry, on a shaper whose clock the test moves: per-site gauges of
 * connections, rate and suspension, counters of deferrals by reason, connection waits and back-offs, the bound on
 * sites named after destinations, and gauges removed on close.
 */
class ShapingMetersTest {

    private static final long SECOND = 1_000_000_000L;
    private static final String LIMITS = """
            sites:
              big: {mx: ["*.big.example"], max-connections: 1}
              slow: {mx: ["*.slow.example"], max-messages-per-hour: 1}
              fast: {mx: ["*.fast.example"], max-messages-per-second: 4}
            back-off: {suspend-seconds: 60, max-suspend-seconds: 200, max-token-wait-millis: 0}
            """;

    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TrafficShaper shaper = new TrafficShaper(ShapingFile.read(new ByteArrayInputStream(
            LIMITS.getBytes(StandardCharsets.UTF_8)), "test.yaml"), clock::get, () -> 1);
    private final ShapingMeters meters = ShapingMeters.attach(new PipelineMeters(registry), shaper);

    @Test
    void everySiteOfTheLimitsFileHasItsGaugesBeforeAnyTraffic() {
        for (String site : List.of("big", "slow", "fast")) {
            assertEquals(0, gauge("mailpipe.shaping.connections", site));
            assertEquals(0, gauge("mailpipe.shaping.suspended", site));
        }
        assertEquals(4, gauge("mailpipe.shaping.rate", "fast"));
        assertEquals(0, gauge("mailpipe.shaping.rate", "slow"), "no per-second limit: 0, unlimited");
    }

    @Test
    void connectionsInUseAndWaitsForASlotAreCounted() {
        Admission first = shaper.admit("big", null, null).join();
        CompletableFuture<Admission> second = shaper.admit("big", null, null);

        assertEquals(1, gauge("mailpipe.shaping.connections", "big"));
        assertFalse(second.isDone());
        assertEquals(1, counter("mailpipe.shaping.connection.waits", "big", null));
        first.release();
        second.join().release();
        assertEquals(0, gauge("mailpipe.shaping.connections", "big"));
    }

    @Test
    void deferralsAreCountedByReason() {
        shaper.admit("slow", null, null).join().release();
        assertTrue(shaper.admit("slow", null, null).join().isDeferred());
        shaper.suspend(Scope.SITE, "fast", Duration.ofMinutes(5));
        assertTrue(shaper.admit("fast", null, null).join().isDeferred());
        shaper.suspend(Scope.TENANT, "acme", Duration.ofMinutes(5));
        assertTrue(shaper.admit("big", "acme", null).join().isDeferred());
        shaper.suspend(Scope.CAMPAIGN, "sale", Duration.ofMinutes(5));
        assertTrue(shaper.admit("big", null, "sale").join().isDeferred());

        assertEquals(1, counter("mailpipe.shaping.deferrals", "slow", "budget_spent"));
        assertEquals(1, counter("mailpipe.shaping.deferrals", "fast", "site_suspended"));
        assertEquals(1, counter("mailpipe.shaping.deferrals", "big", "tenant_suspended"));
        assertEquals(1, counter("mailpipe.shaping.deferrals", "big", "campaign_suspended"));
        assertEquals(1, gauge("mailpipe.shaping.suspended", "fast"));
    }

    @Test
    void aPushBackCountsABackOffSuspendsTheSiteAndHalvesItsRate() {
        shaper.record("fast", List.of(SmtpReply.of(421, "4.7.0", "too many messages, slow down")));

        assertEquals(1, counter("mailpipe.shaping.backoffs", "fast", null));
        assertEquals(1, gauge("mailpipe.shaping.suspended", "fast"));
        assertEquals(2, gauge("mailpipe.shaping.rate", "fast"));
        assertTrue(shaper.admit("fast", null, null).join().isDeferred());
        assertEquals(1, counter("mailpipe.shaping.deferrals", "fast", "site_backed_off"));
        clock.addAndGet(61 * SECOND);
        assertEquals(0, gauge("mailpipe.shaping.suspended", "fast"));
    }

    @Test
    void sitesNamedAfterDestinationsBeyondTheBoundShareTheOtherSeriesAndGetNoGauges() {
        int extra = 5;
        for (int i = 0; i < ShapingMeters.MAX_SITES + extra; i++) {
            shaper.suspend(Scope.SITE, "d" + i + ".example", Duration.ofMinutes(1));
            shaper.admit("d" + i + ".example", null, null).join();
        }

        assertEquals(3 + ShapingMeters.MAX_SITES, registry.find("mailpipe.shaping.connections").gauges().size());
        assertEquals(extra, counter("mailpipe.shaping.deferrals", ShapingMeters.OTHER_SITE, "site_suspended"));
        assertEquals(1, counter("mailpipe.shaping.deferrals", "d0.example", "site_suspended"));
    }

    @Test
    void closingRemovesTheGaugesAndKeepsTheCounters() {
        shaper.record("fast", List.of(SmtpReply.of(421, "4.7.0", "slow down")));

        meters.close();

        assertNull(registry.find("mailpipe.shaping.connections").gauge());
        assertEquals(1, counter("mailpipe.shaping.backoffs", "fast", null));
    }

    private double gauge(String name, String site) {
        Gauge gauge = registry.find(name).tag("site", site).gauge();
        assertTrue(gauge != null, name + " of " + site + " not registered");
        return gauge.value();
    }

    private double counter(String name, String site, String reason) {
        var search = registry.find(name).tag("site", site);
        Counter counter = (reason == null ? search : search.tag("reason", reason)).counter();
        return counter == null ? 0 : counter.count();
    }
}
