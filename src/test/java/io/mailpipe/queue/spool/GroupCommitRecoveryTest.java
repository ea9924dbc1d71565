package io.mailpipe.queue.spool;

import io.mailpipe.queue.Disposition;
import io.mailpipe.queue.MutableClock;
import io.mailpipe.queue.QueueRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.mailpipe.queue.spool.SpoolFixtures.body;
import static io.mailpipe.queue.spool.SpoolFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The group-commit protocol: concurrent writers share journal flushes, and every message acknowledged by
 * {@code store} can be rebuilt from the journal alone when its own (unforced) file is lost or torn, while a torn
 * journal tail and torn files nobody acknowledged are dropped.
 */
class GroupCommitRecoveryTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final int WRITERS = 16;
    private static final int PER_WRITER = 20;

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);

    @Test
    void concurrentWritersShareFlushesAndEveryAcknowledgedMessageIsRebuiltFromTheJournal() throws Exception {
        Path live = dir.resolve("live");
        Path image = dir.resolve("image");
        try (Spool spool = Spool.open(live, SpoolFixtures.SETTINGS, clock)) {
            storeConcurrently(spool);
            SpoolStatistics statistics = spool.statistics();
            assertEquals(WRITERS * PER_WRITER, statistics.journaledMessages());
            assertTrue(statistics.journalCommits() < statistics.journaledMessages(),
                    "writers must share flushes: " + statistics);
            SpoolFixtures.crashImage(live, image);
        }
        assertEquals(List.of(), list(image.resolve("incoming")), "small messages have no file before a checkpoint");

        try (Spool recovered = Spool.open(image, SpoolFixtures.SETTINGS, clock)) {
            assertEquals(WRITERS * PER_WRITER, recovered.statistics().restoredAtStart());
            Set<String> bodies = new HashSet<>();
            for (int i = 0; i < WRITERS * PER_WRITER; i++) {
                Claim claim = recovered.claimNext(1000).orElseThrow();
                assertEquals("body of " + claim.record().queueId() + "\r\n", read(claim.body()));
                bodies.add(claim.record().queueId());
            }
            assertEquals(WRITERS * PER_WRITER, bodies.size());
            awaitDeleted(image.resolve("journal/0000000000000000.journal"));
            awaitDeleted(image.resolve("journal/0000000000000001.journal"));
            assertEquals(WRITERS * PER_WRITER, recovered.statistics().checkpointForces(),
                    "the replayed segments are checkpointed in the background, then deleted");
        }
    }

    @Test
    void aSmallMessageAndALargeOneWhoseFileWasTornAreBothRestoredFromTheJournal() throws Exception {
        Path live = dir.resolve("live");
        Path image = dir.resolve("image");
        String large = "L".repeat((1 << 20) + 10) + "\r\n";
        try (Spool spool = Spool.open(live, new SpoolSettings(4 << 20), clock)) {
            spool.store(QueueRecords.accepted("S1", T0, "a@x.example", "b@y.example"), body("small\r\n"));
            spool.store(QueueRecords.accepted("L1", T0, "a@x.example", "b@y.example"), body(large));
            SpoolFixtures.crashImage(live, image);
        }
        Files.write(image.resolve("incoming/L1"), new byte[0], StandardOpenOption.TRUNCATE_EXISTING);

        try (Spool recovered = Spool.open(image, new SpoolSettings(4 << 20), clock)) {
            assertEquals(2, recovered.statistics().restoredAtStart());
            assertEquals("small\r\n", read(recovered.claim("S1").orElseThrow().body()));
            assertEquals(large, read(recovered.claim("L1").orElseThrow().body()));
        }
    }

    @Test
    void aTornJournalTailAndUnacknowledgedTornFilesAreDropped() throws Exception {
        Path live = dir.resolve("live");
        Path image = dir.resolve("image");
        try (Spool spool = Spool.open(live, SpoolFixtures.SETTINGS, clock)) {
            spool.store(QueueRecords.accepted("K1", T0, "a@x.example", "b@y.example"), body("kept\r\n"));
            SpoolFixtures.crashImage(live, image);
        }
        Path segment = image.resolve("journal/0000000000000000.journal");
        JournalReader.Entry last = JournalReader.read(segment).get(0);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {0x4d, 0x50, 0x4a, 0x45, 1, 0, 2, 'K'}),
                    last.payloadOffset() + last.payloadLength());
        }
        Files.writeString(image.resolve("incoming/K2"), "MPQF torn by the crash");

        try (Spool recovered = Spool.open(image, SpoolFixtures.SETTINGS, clock)) {
            assertEquals(1, recovered.list().size());
            assertEquals("kept\r\n", read(recovered.claimNext(1000).orElseThrow().body()));
            assertEquals(1, recovered.statistics().corruptAtStart());
            assertTrue(Files.exists(image.resolve("corrupt/incoming-K2")));
        }
    }

    @Test
    void aRemovalInTheJournalKeepsADeliveredMessageFromComingBack() throws Exception {
        Path live = dir.resolve("live");
        Path image = dir.resolve("image");
        try (Spool spool = Spool.open(live, SpoolFixtures.SETTINGS, clock)) {
            spool.store(QueueRecords.accepted("R1", T0, "a@x.example", "b@y.example"), body("x\r\n"));
            spool.store(QueueRecords.accepted("R2", T0, "a@x.example", "b@y.example"), body("y\r\n"));
            assertTrue(spool.delete("R1"));
            spool.store(QueueRecords.accepted("R3", T0, "a@x.example", "b@y.example"), body("z\r\n"));
            SpoolFixtures.crashImage(live, image);
        }

        try (Spool recovered = Spool.open(image, SpoolFixtures.SETTINGS, clock)) {
            assertEquals(List.of("R2", "R3"), recovered.list().stream().map(QueuedMessage::queueId).sorted()
                    .toList());
        }
    }

    @Test
    void aSegmentIsCheckpointedOnceTheRetainedSegmentsAfterItAreFullAndMessagesGoneByThenCostNoFsync()
            throws Exception {
        try (Spool spool = Spool.open(dir, new SpoolSettings(4096, 2), clock)) {
            // a segment is prepared (created full of zeros) when the one before it is opened
            List<String> inFirst = new ArrayList<>();
            for (int i = 0; i < 100 && !Files.exists(segment(2)); i++) {
                storeSmall(spool, "F" + i);
                inFirst.add("F" + i);
            }
            for (String id : inFirst) {
                assertTrue(spool.delete(id));
            }
            fillUntilPrepared(spool, 3, "S");
            assertTrue(Files.exists(segment(0)), "two full segments are retained: 0 and 1");
            fillUntilPrepared(spool, 4, "T");

            awaitDeleted(segment(0));
            assertEquals(0, spool.statistics().checkpointForces(), "deleted messages need no fsync of their own");
            assertTrue(Files.exists(segment(1)), "with segments 0 to 2 full, only the oldest is checkpointed");
        }
    }

    @Test
    void theCheckpointGivesEachResidentMessageStillQueuedADurableFileEvenWhileItIsBeingDelivered(
            @TempDir Path image) throws Exception {
        try (Spool spool = Spool.open(dir, new SpoolSettings(4096, 1), clock)) {
            fillUntilPrepared(spool, 2, "K");
            Claim delivering = spool.claimNext(1000).orElseThrow();
            assertEquals("K0", delivering.record().queueId());
            List<String> inFirst = JournalReader.read(segment(0)).stream().map(JournalReader.Entry::queueId).toList();
            fillUntilPrepared(spool, 3, "S");
            String inSecond = JournalReader.read(segment(1)).get(0).queueId();

            awaitDeleted(segment(0));
            assertEquals(inFirst.size(), spool.statistics().checkpointForces());
            for (String id : inFirst) {
                assertTrue(Files.exists(dir.resolve("incoming/" + id)), id + " has no file of its own");
            }
            assertFalse(Files.exists(dir.resolve("incoming/" + inSecond)), "segment 1 is not checkpointed yet");
            assertEquals("x".repeat(500) + "\r\n", read(delivering.body()));
            spool.finish(delivering, Disposition.REMOVE, delivering.record());
            assertFalse(Files.exists(dir.resolve("incoming/K0")), "a delivered message leaves no file behind");
            assertEquals("x".repeat(500) + "\r\n", read(spool.claim("K1").orElseThrow().body()));
            SpoolFixtures.crashImage(dir, image);
            try (Spool recovered = Spool.open(image, SpoolFixtures.SETTINGS, clock)) {
                assertEquals(0, recovered.statistics().corruptAtStart());
                List<String> ids = recovered.list().stream().map(QueuedMessage::queueId).toList();
                assertFalse(ids.contains("K0"));
                assertTrue(ids.containsAll(inFirst.subList(1, inFirst.size())) && ids.contains(inSecond),
                        ids.toString());
            }
        }
    }

    private Path segment(int sequence) {
        return dir.resolve("journal/" + GroupCommitJournal.segmentName(sequence));
    }

    private void fillUntilPrepared(Spool spool, int sequence, String prefix) throws IOException {
        for (int i = 0; i < 100 && !Files.exists(segment(sequence)); i++) {
            storeSmall(spool, prefix + i);
        }
    }

    private static void storeSmall(Spool spool, String id) throws IOException {
        spool.store(QueueRecords.accepted(id, T0, "a@x.example", "b@y.example"), body("x".repeat(500) + "\r\n"));
    }

    private static void storeConcurrently(Spool spool) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < PER_WRITER; i++) {
                        String id = "W" + writer + "-" + i;
                        spool.store(QueueRecords.accepted(id, T0, "a@x.example", "b@y.example"),
                                body("body of " + id + "\r\n"));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitDeleted(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Files.notExists(file), file + " still exists");
    }

    private static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }
}
