package io.mailpipe.queue.spool;

import io.mailpipe.queue.Disposition;
import io.mailpipe.queue.MutableClock;
import io.mailpipe.queue.QueueRecord;
import io.mailpipe.queue.QueueRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static io.mailpipe.queue.spool.SpoolFixtures.body;
import static io.mailpipe.queue.spool.SpoolFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spool's life cycle: store, claim, remove, defer, restart, and what a restart does with each state. */
class SpoolTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);

    @Test
    void aStoredMessageIsClaimedWithItsBodyAndLeavesWhenRemoved() throws Exception {
        try (Spool spool = Spool.open(dir, SpoolFixtures.SETTINGS, clock)) {
            spool.store(QueueRecords.accepted("M1", T0, "a@x.example", "b@y.example"), body("hello\r\n"));
            assertEquals(1, spool.counts().get(SpoolState.INCOMING));
            assertFalse(Files.exists(dir.resolve("incoming/M1")), "a small message lives in the journal at first");

            Claim claim = spool.claimNext(1000).orElseThrow();
            assertEquals("M1", claim.record().queueId());
            assertEquals("hello\r\n", read(claim.body()));
            assertEquals(1, spool.counts().get(SpoolState.ACTIVE));

            spool.finish(claim, Disposition.REMOVE, claim.record());
            assertEquals(0, spool.list().size());
        }
        try (Spool reopened = Spool.open(dir, SpoolFixtures.SETTINGS, clock)) {
            assertEquals(0, reopened.list().size(), "a removed message must not come back");
        }
    }

    @Test
    void aLargeMessageHasItsOwnFileFromTheStartAndItMovesToActiveWhileClaimed() throws Exception {
        String large = "L".repeat((1 << 20) + 10) + "\r\n";
        try (Spool spool = Spool.open(dir, new SpoolSettings(4 << 20), clock)) {
            spool.store(QueueRecords.accepted("B1", T0, "a@x.example", "b@y.example"), body(large));
            assertTrue(Files.exists(dir.resolve("incoming/B1")));

            Claim claim = spool.claimNext(1000).orElseThrow();
            assertTrue(Files.exists(dir.resolve("active/B1")));
            assertEquals(large, read(claim.body()));

            spool.finish(claim, Disposition.REMOVE, claim.record());
            assertFalse(Files.exists(dir.resolve("active/B1")));
        }
    }

    @Test
    void aMessageInFlightAtShutdownIsDeliveredAgainAfterRestart() throws Exception {
        try (Spool spool = Spool.open(dir, SpoolFixtures.SETTINGS, clock)) {
            spool.store(QueueRecords.accepted("M2", T0, "a@x.example", "b@y.example"), body("x\r\n"));
            spool.claimNext(1000).orElseThrow();
        }
        try (Spool reopened = Spool.open(dir, SpoolFixtures.SETTINGS, clock)) {
            assertEquals(1, reopened.counts().get(SpoolState.INCOMING));
            assertEquals("M2", reopened.claimNext(1000).orElseThrow().record().queueId());
        }
    }

    @Test
    void aDeferredMessageWaitsForItsTimeAcrossARestart() throws Exception {
        try (Spool spool = Spool.open(dir, SpoolFixtures.SETTINGS, clock)) {
            spool.store(QueueRecords.accepted("M3", T0, "a@x.example", "b@y.example"), body("x\r\n"));
            Claim claim = spool.claimNext(1000).orElseThrow();
            spool.finish(claim, Disposition.DEFER, claim.record().afterAttempt(T0.plusSeconds(300), "451 later"));
            assertEquals(Optional.empty(), spool.claimNext(0));
        }
        try (Spool reopened = Spool.open(dir, SpoolFixtures.SETTINGS, clock)) {
            assertEquals(1, reopened.counts().get(SpoolState.DEFERRED));
            assertEquals(Optional.empty(), reopened.claimNext(0));
            clock.advance(Duration.ofSeconds(300));
            Claim again = reopened.claimNext(1000).orElseThrow();
            assertEquals(1, again.record().attempts());
            assertEquals("451 later", again.record().lastError());
            assertEquals(1, again.record().revision());
            assertEquals("x\r\n", read(again.body()));
        }
    }

    @Test
    void inspectionAndControlWorkOnIdleMessagesOnly() throws Exception {
        try (Spool spool = Spool.open(dir, SpoolFixtures.SETTINGS, clock)) {
            spool.store(QueueRecords.accepted("M4", T0, "a@x.example", "b@one.example", "c@one.example"),
                    body("x\r\n"));
            spool.store(QueueRecords.accepted("M5", T0, "d@x.example", "e@two.example"), body("y\r\n"));
            clock.advance(Duration.ofMinutes(7));
            Claim first = spool.claimNext(1000).orElseThrow();
            spool.finish(first, Disposition.DEFER, first.record().afterAttempt(T0.plusSeconds(3600), "451 busy"));

            assertEquals(Map.of("one.example", 2, "two.example", 1), spool.pendingByDomain());
            QueuedMessage deferred = spool.list().stream().filter(m -> m.queueId().equals("M4")).findFirst()
                    .orElseThrow();
            assertEquals(SpoolState.DEFERRED, deferred.state());
            assertEquals("a@x.example", deferred.sender());
            assertEquals(Duration.ofMinutes(7), deferred.age());
            assertEquals("451 busy", deferred.lastError());

            Claim second = spool.claimNext(1000).orElseThrow();
            assertFalse(spool.delete("M5"), "a message being delivered cannot be deleted");
            spool.release(second);

            assertTrue(spool.retryNow("M4"));
            assertEquals("M5", spool.claimNext(1000).orElseThrow().record().queueId());
            assertEquals("M4", spool.claimNext(1000).orElseThrow().record().queueId());
            assertFalse(spool.retryNow("M4"), "only a deferred message can be retried now");
        }
    }

    @Test
    void deletingRemovesTheMessageForGood() throws Exception {
        try (Spool spool = Spool.open(dir, SpoolFixtures.SETTINGS, clock)) {
            spool.store(QueueRecords.accepted("M6", T0, "a@x.example", "b@y.example"), body("x\r\n"));
            assertTrue(spool.delete("M6"));
            assertFalse(spool.delete("M6"));
        }
        try (Spool reopened = Spool.open(dir, SpoolFixtures.SETTINGS, clock)) {
            assertEquals(0, reopened.list().size());
        }
    }

    @Test
    void aQueueIdCannotBeStoredTwice() throws Exception {
        try (Spool spool = Spool.open(dir, SpoolFixtures.SETTINGS, clock)) {
            QueueRecord record = QueueRecords.accepted("M7", T0, "a@x.example", "b@y.example");
            spool.store(record, body("x\r\n"));
            assertThrows(IOException.class, () -> spool.store(record, body("y\r\n")));
            assertEquals("x\r\n", read(spool.claimNext(1000).orElseThrow().body()));
        }
    }

    @Test
    void aSpoolInUseCannotBeOpenedAgainUntilItIsClosed() throws Exception {
        try (Spool spool = Spool.open(dir, SpoolFixtures.SETTINGS, clock)) {
            IOException inUse = assertThrows(IOException.class, () -> Spool.open(dir, SpoolFixtures.SETTINGS, clock));
            assertTrue(inUse.getMessage().contains("in use"), inUse.getMessage());
        }
        try (Spool reopened = Spool.open(dir, SpoolFixtures.SETTINGS, clock)) {
            assertEquals(0, reopened.list().size());
        }
    }

    @Test
    void leftoversInTmpAreCleanedAtStart() throws Exception {
        Files.createDirectories(dir.resolve("tmp"));
        Files.writeString(dir.resolve("tmp/half-written"), "MPQF partial");
        try (Spool spool = Spool.open(dir, SpoolFixtures.SETTINGS, clock)) {
            assertEquals(0, spool.list().size());
            assertFalse(Files.exists(dir.resolve("tmp/half-written")));
        }
    }
}
