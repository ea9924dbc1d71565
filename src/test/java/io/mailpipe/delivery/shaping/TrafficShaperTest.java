package io.mailpipe.delivery.shaping;

import io.mailpipe.smtp.SmtpReply;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shaper on a clock the test moves: connection slots, hourly and per-second budgets, tenant and campaign rates,
 * back-off after push-backs, operator suspensions and the replica share.
 */
class TrafficShaperTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(1_000 * SECOND);
    private final AtomicInteger replicas = new AtomicInteger(1);

    private TrafficShaper shaper(String yaml) {
        ShapingPolicy policy = ShapingFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                "test.yaml");
        return new TrafficShaper(policy, clock::get, replicas::get);
    }

    private static final String SITES = """
            sites:
              big: {mx: ["*.big.example"], max-connections: 2, max-messages-per-connection: 5}
              slow: {mx: ["*.slow.example"], max-messages-per-hour: 3}
              fast: {mx: ["*.fast.example"], max-messages-per-second: 4}
            tenants:
              acme: {max-messages-per-hour: 2}
            campaigns:
              sale: {max-messages-per-hour: 1}
            back-off: {suspend-seconds: 60, max-suspend-seconds: 200, max-token-wait-millis: 0}
            """;

    private static Admission now(CompletableFuture<Admission> admission) {
        assertTrue(admission.isDone(), "admission should be decided without waiting");
        return admission.join();
    }

    @Test
    void connectionSlotsQueueCallersBeyondTheLimit() {
        TrafficShaper shaper = shaper(SITES);
        Admission first = now(shaper.admit("big", null, null));
        Admission second = now(shaper.admit("big", null, null));
        CompletableFuture<Admission> third = shaper.admit("big", null, null);
        assertFalse(third.isDone());
        assertEquals(5, first.maxMessagesPerConnection());
        first.release();
        first.release();
        assertTrue(third.isDone());
        assertFalse(third.join().isDeferred());
        CompletableFuture<Admission> fourth = shaper.admit("big", null, null);
        assertFalse(fourth.isDone(), "a second release of the same permit must not free another slot");
        second.release();
        assertTrue(fourth.isDone());
        assertEquals(2, report(shaper, "big").connectionsInUse());
    }

    @Test
    void hourlyBudgetDefersAtOnceAndRefills() {
        TrafficShaper shaper = shaper(SITES);
        for (int i = 0; i < 3; i++) {
            assertFalse(now(shaper.admit("slow", null, null)).isDeferred());
        }
        Admission over = now(shaper.admit("slow", null, null));
        assertTrue(over.isDeferred());
        assertEquals(451, over.deferral().code());
        assertEquals("4.4.5", over.deferral().enhancedStatus());
        clock.addAndGet(1200 * SECOND);
        assertFalse(now(shaper.admit("slow", null, null)).isDeferred());
        assertEquals(4, report(shaper, "slow").granted());
        assertEquals(1, report(shaper, "slow").deferred());
    }

    @Test
    void perSecondRateAllowsABurstThenDefersBeyondTheWait() {
        TrafficShaper shaper = shaper(SITES);
        for (int i = 0; i < 4; i++) {
            assertFalse(now(shaper.admit("fast", null, null)).isDeferred());
        }
        assertTrue(now(shaper.admit("fast", null, null)).isDeferred());
        clock.addAndGet(SECOND / 4);
        assertFalse(now(shaper.admit("fast", null, null)).isDeferred());
    }

    @Test
    void shortTokenWaitsAreBookedInTurnAndLongerOnesDeferred() throws Exception {
        TrafficShaper shaper = shaper(SITES.replace("max-token-wait-millis: 0", "max-token-wait-millis: 1000"));
        List<CompletableFuture<Admission>> admitted = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            admitted.add(shaper.admit("fast", null, null));
        }
        Admission ninth = now(shaper.admit("fast", null, null));
        assertTrue(ninth.isDeferred(), "the ninth token is 1.25 s away");
        for (CompletableFuture<Admission> admission : admitted) {
            Admission granted = admission.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertFalse(granted.isDeferred());
            granted.release();
        }
        assertEquals(8, report(shaper, "fast").granted());
        assertEquals(1, report(shaper, "fast").deferred());
    }

    @Test
    void tenantAndCampaignBudgetsApplyAcrossSites() {
        TrafficShaper shaper = shaper(SITES);
        assertFalse(now(shaper.admit("big", "acme", "sale")).isDeferred());
        Admission campaign = now(shaper.admit("other.example", "acme", "sale"));
        assertTrue(campaign.isDeferred());
        assertTrue(campaign.deferral().lines().get(0).contains("campaign sale"));
        assertFalse(now(shaper.admit("other.example", "acme", null)).isDeferred());
        assertTrue(now(shaper.admit("other.example", "acme", null)).isDeferred());
        assertFalse(now(shaper.admit("other.example", "globex", null)).isDeferred());
    }

    @Test
    void pushBackSuspendsHalvesTheRateAndDoublesOnRepeat() {
        TrafficShaper shaper = shaper(SITES);
        shaper.record("fast", List.of(SmtpReply.of(421, "4.7.0", "rate limited, try later")));
        Admission suspended = now(shaper.admit("fast", null, null));
        assertTrue(suspended.isDeferred());
        assertTrue(suspended.deferral().lines().get(0).contains("suspended"));
        assertEquals(2.0, report(shaper, "fast").effectivePerSecond(), 1e-9);
        assertEquals(60, report(shaper, "fast").suspendedSeconds());
        clock.addAndGet(61 * SECOND);
        assertFalse(now(shaper.admit("fast", null, null)).isDeferred());
        shaper.record("fast", List.of(SmtpReply.of(450, "4.2.0", "Too many messages, slow down")));
        assertEquals(120, report(shaper, "fast").suspendedSeconds());
        assertTrue(shaper.resume(Scope.SITE, "fast"), "an operator lifts a back-off suspension too");
        assertEquals(0, report(shaper, "fast").suspendedSeconds());
        assertEquals(1.0, report(shaper, "fast").effectivePerSecond(), 1e-9);
        clock.addAndGet(121 * SECOND);
        shaper.record("fast", List.of(SmtpReply.of(250, "2.0.0", "ok")));
        assertEquals(1.0 * 4 * 0.30, report(shaper, "fast").effectivePerSecond(), 1e-9);
    }

    @Test
    void burstOfTransientRepliesSuspends() {
        TrafficShaper bursty = shaper(SITES.replace("max-token-wait-millis: 0",
                "max-token-wait-millis: 0, transient-burst: 3, burst-window-seconds: 10"));
        SmtpReply mailboxBusy = SmtpReply.of(450, "4.2.1", "mailbox busy");
        bursty.record("big", List.of(mailboxBusy));
        clock.addAndGet(20 * SECOND);
        bursty.record("big", List.of(mailboxBusy));
        bursty.record("big", List.of(mailboxBusy));
        assertFalse(now(bursty.admit("big", null, null)).isDeferred(), "the first 4xx fell out of the window");
        bursty.record("big", List.of(mailboxBusy));
        assertTrue(now(bursty.admit("big", null, null)).isDeferred());
        assertEquals(1, report(bursty, "big").pushBacks());
    }

    @Test
    void operatorSuspendsAndResumesSitesTenantsAndCampaigns() {
        TrafficShaper shaper = shaper(SITES);
        shaper.suspend(Scope.SITE, "big", Duration.ofMinutes(30));
        shaper.suspend(Scope.TENANT, "acme", Duration.ofMinutes(1));
        shaper.suspend(Scope.CAMPAIGN, "sale", Duration.ofMinutes(1));
        assertTrue(now(shaper.admit("big", null, null)).isDeferred());
        assertTrue(report(shaper, "big").operatorSuspended());
        assertTrue(now(shaper.admit("fast", "acme", null)).isDeferred());
        assertTrue(now(shaper.admit("fast", null, "sale")).isDeferred());
        assertEquals(Map.of("acme", 60L), shaper.suspended(Scope.TENANT));
        assertTrue(shaper.resume(Scope.SITE, "big"));
        assertFalse(shaper.resume(Scope.SITE, "big"));
        assertFalse(now(shaper.admit("big", null, null)).isDeferred());
        clock.addAndGet(61 * SECOND);
        assertFalse(now(shaper.admit("fast", "acme", "sale")).isDeferred());
    }

    @Test
    void waiterForASlotIsDeferredWhenTheSiteGotSuspended() {
        TrafficShaper shaper = shaper(SITES);
        List<Admission> held = new ArrayList<>();
        held.add(now(shaper.admit("big", null, null)));
        held.add(now(shaper.admit("big", null, null)));
        CompletableFuture<Admission> waiting = shaper.admit("big", null, null);
        shaper.suspend(Scope.SITE, "big", Duration.ofMinutes(5));
        held.get(0).release();
        assertTrue(waiting.join().isDeferred());
        assertEquals(1, report(shaper, "big").connectionsInUse());
    }

    @Test
    void eachReplicaEnforcesItsShare() {
        TrafficShaper shaper = shaper(SITES);
        replicas.set(2);
        assertEquals(1, report(shaper, "big").effectiveConnections());
        assertEquals(2.0, report(shaper, "fast").effectivePerSecond(), 1e-9);
        now(shaper.admit("slow", null, null));
        assertTrue(now(shaper.admit("slow", null, null)).isDeferred(), "half of 3 per hour is 1.5: one now");
        replicas.set(1);
        assertEquals(2, report(shaper, "big").effectiveConnections());
    }

    private static SiteReport report(TrafficShaper shaper, String site) {
        return shaper.report().stream().filter(r -> r.site().equals(site)).findFirst().orElseThrow();
    }
}
