package io.mailpipe.queue.spool;

import io.mailpipe.queue.AttemptResolver;
import io.mailpipe.queue.AttemptResult;
import io.mailpipe.queue.BounceNotices;
import io.mailpipe.queue.BounceReason;
import io.mailpipe.queue.DeliveryEvent;
import io.mailpipe.queue.MutableClock;
import io.mailpipe.queue.QueueLifetime;
import io.mailpipe.queue.QueueRecords;
import io.mailpipe.queue.RetrySchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.mailpipe.queue.spool.SpoolFixtures.body;
import static io.mailpipe.queue.spool.SpoolFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The queue semantics applied to spooled messages: expiry, operator bounces, and a bounce sink that fails. */
class SpoolOutcomesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);
    private final List<String> reports = new CopyOnWriteArrayList<>();
    private final List<DeliveryEvent> events = new CopyOnWriteArrayList<>();
    private final AttemptResolver resolver = new AttemptResolver(RetrySchedule.DEFAULT,
            new QueueLifetime(Duration.ofHours(2)), clock, new SplittableRandom(5));

    @Test
    void aMessageDeferredUntilItsLifetimeEndsIsBouncedWithItsBodyAndBuried() throws Exception {
        try (Spool spool = Spool.open(dir, SpoolFixtures.SETTINGS, clock)) {
            SpoolOutcomes outcomes = outcomes(spool, (message, body, failed, reason) ->
                    reports.add(reason + " " + failed.get(0).address() + " " + read(body)));
            spool.store(QueueRecords.accepted("E1", T0, "a@x.example", "b@y.example"), body("the message\r\n"));
            int attempts = 0;
            while (spool.counts().get(SpoolState.DEAD) == 0 && attempts++ < 50) {
                clock.advance(Duration.ofMinutes(61));
                outcomes.record(spool.claimNext(1000).orElseThrow(), AttemptResult.fault("connection refused"));
            }
            assertEquals(List.of("EXPIRED b@y.example the message\r\n"), reports);
            assertTrue(Files.exists(dir.resolve("dead/E1")));
            assertEquals(DeliveryEvent.Type.EXPIRED, events.get(events.size() - 1).type());
        }
    }

    @Test
    void aMessageWhoseNotAfterPassedWhileDeferredIsExpiredAtItsNextTurnWithoutAnAttempt() throws Exception {
        try (Spool spool = Spool.open(dir, SpoolFixtures.SETTINGS, clock)) {
            SpoolOutcomes outcomes = outcomes(spool, (message, body, failed, reason) ->
                    reports.add(reason + " " + failed.get(0).address() + " " + failed.get(0).lastReply()));
            Instant notAfter = T0.plus(Duration.ofMinutes(30));
            spool.store(QueueRecords.acceptedUntil("N1", T0, notAfter, "a@x.example", "b@y.example"),
                    body("x\r\n"));
            Claim first = spool.claimNext(1000).orElseThrow();
            assertFalse(outcomes.expireIfPastNotAfter(first), "before its notAfter a message is tried");
            outcomes.record(first, AttemptResult.fault("connection refused"));
            clock.set(notAfter.plusSeconds(1));

            assertTrue(outcomes.expireIfPastNotAfter(spool.claimNext(1000).orElseThrow()));

            assertEquals(List.of("EXPIRED b@y.example null"), reports);
            assertEquals(1, spool.counts().get(SpoolState.DEAD));
            DeliveryEvent expired = events.get(events.size() - 1);
            assertEquals(DeliveryEvent.Type.EXPIRED, expired.type());
            assertEquals(1, expired.attempt());
            assertEquals("notAfter " + notAfter + " passed", expired.reply().lines().get(0));
        }
    }

    @Test
    void anOperatorBounceReportsEveryPendingRecipient() throws Exception {
        try (Spool spool = Spool.open(dir, SpoolFixtures.SETTINGS, clock)) {
            SpoolOutcomes outcomes = outcomes(spool, (message, body, failed, reason) ->
                    failed.forEach(f -> reports.add(reason + " " + f.address())));
            spool.store(QueueRecords.accepted("O1", T0, "a@x.example", "b@y.example", "c@z.example"), body("x\r\n"));

            assertTrue(outcomes.bounce("O1"));
            assertFalse(outcomes.bounce("missing"));

            assertEquals(List.of("OPERATOR b@y.example", "OPERATOR c@z.example"), reports);
            assertEquals(1, spool.counts().get(SpoolState.DEAD));
        }
    }

    @Test
    void whenTheBounceSinkFailsTheMessageIsDeferredAndTheReportIsNotLost() throws Exception {
        try (Spool spool = Spool.open(dir, SpoolFixtures.SETTINGS, clock)) {
            SpoolOutcomes failing = outcomes(spool, (message, body, failed, reason) -> {
                throw new IllegalStateException("report queue unavailable");
            });
            spool.store(QueueRecords.accepted("B1", T0, "a@x.example", "b@y.example"), body("x\r\n"));
            failing.record(spool.claimNext(1000).orElseThrow(), AttemptResult.permanentFailure(null, "550 refused"));

            assertEquals(1, spool.counts().get(SpoolState.DEFERRED));
            assertTrue(events.isEmpty(), "no outcome is recorded before the report is handed over");

            SpoolOutcomes working = outcomes(spool, (message, body, failed, reason) ->
                    reports.add(reason + " " + failed.get(0).address()));
            clock.advance(Duration.ofHours(1));
            working.record(spool.claimNext(1000).orElseThrow(), AttemptResult.permanentFailure(null, "550 refused"));
            assertEquals(List.of("PERMANENT_FAILURE b@y.example"), reports);
            assertEquals(1, spool.counts().get(SpoolState.DEAD));
        }
    }

    private SpoolOutcomes outcomes(Spool spool, io.mailpipe.queue.BounceSink sink) {
        return new SpoolOutcomes(spool, resolver, new BounceNotices(sink), events::add);
    }
}
