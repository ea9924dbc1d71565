package io.mailpipe.queue.spool;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Group commit for the spool: concurrent writers share one fsync. POSIX promises nothing about one file's fsync
 * making another file durable, so the durable copy of a new message is not its own file but an entry in a shared,
 * append-only journal segment, and one fdatasync of the segment commits every entry of a batch. The protocol:
 * <ol>
 *   <li>A writer of a small message hands its encoded queue file to {@link #append}; it gets no file of its own yet
 *       (it is "resident", {@link JournalResidents}), since most messages leave the queue before their segment is
 *       checkpointed. A writer of a large message first writes the queue file into {@code tmp/} and renames it into
 *       {@code incoming/} (no fsync; the message is not yet indexed, so nothing delivers it).</li>
 *   <li>The committer thread takes every waiting append (the batch), writes each into the current segment
 *       ({@link JournalFormat} entries), calls {@code force} on the segment once, then completes every writer's
 *       future with where its entry is. Only then is the message indexed for delivery and the client answered
 *       250. A resident message is read from its entry when it is delivered.</li>
 *   <li>A message that leaves the queue appends a removal entry, which rides along with the next batch (no wait;
 *       a batch of removals alone is written but not forced).</li>
 *   <li>When a segment is full the committer starts the next one. Once more than {@code retainedSegments} full
 *       segments are kept (so that most messages of the oldest have been delivered meanwhile, even while a backlog
 *       builds up) a checkpoint thread makes the oldest segment's remaining messages durable on their own: it writes
 *       and forces a file in {@code incoming/} for each resident message, forces each large message's file still in
 *       {@code incoming/} or {@code active/} (files rewritten into {@code deferred/} or {@code dead/} were forced
 *       when written) and those directories, and only then deletes the segment.
 *       Messages delivered before the checkpoint never cost an fsync of their own. Closing the journal checkpoints
 *       nothing: the segments stay for the next start.</li>
 *   <li>At start ({@link SpoolRecovery}) every message entry of a surviving segment without a removal entry whose
 *       file is missing or fails its checksum is restored from the journal into {@code incoming/}, and the surviving
 *       segments are checkpointed in the background. An entry torn by the crash belongs to a batch whose writers
 *       were never acknowledged, so no 250 was given for it.</li>
 * </ol>
 * Segments are created full of zeros and forced before use, so that a commit overwrites allocated blocks and its
 * fdatasync does not have to journal a new file size. Delivery is at-least-once: a removal entry lost in a crash
 * brings its message back.
 */
final class GroupCommitJournal implements AutoCloseable {

    /** Makes a segment's messages still queued durable in their own files, so that the segment can be deleted. */
    interface Checkpoint {
        void makeDurable(Segment segment) throws IOException;
    }

    /** A closed segment and the messages it committed, waiting for its checkpoint. */
    record Segment(Path file, List<String> queueIds) {
    }

    /** One entry to write: a removal (no payload), or a message whose payload is {@code content} or {@code file}. */
    private record Append(byte type, String queueId, Path file, ByteBuffer content,
                          CompletableFuture<JournalLocation> committed) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitJournal.class);
    private static final int MAX_BATCH = 1024;

    private final Path directory;
    private final long segmentBytes;
    private final int retainedSegments;
    private final Checkpoint checkpoint;
    private final LinkedBlockingQueue<Append> waiting = new LinkedBlockingQueue<>();
    private final ExecutorService checkpointer = Executors.newSingleThreadExecutor(r -> daemon(r, "spool-checkpoint"));
    private final ExecutorService preparer = Executors.newSingleThreadExecutor(r -> daemon(r, "spool-segment"));
    private final Thread committer;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private volatile boolean running = true;
    private long sequence;
    private Path segmentPath;
    private FileChannel segment;
    /** Where the next entry goes in {@link #segment}, tracked here rather than asked of the channel each time. */
    private long position;
    private Future<FileChannel> nextSegment;
    private List<String> segmentIds = new ArrayList<>();
    private final ArrayDeque<Segment> fullSegments = new ArrayDeque<>();

    /** Opens a new segment after {@code recovered} ones, which are checkpointed in the background. */
    GroupCommitJournal(Path directory, long firstSequence, long segmentBytes, int retainedSegments,
                       Checkpoint checkpoint, List<Segment> recovered) throws IOException {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
        this.retainedSegments = retainedSegments;
        this.checkpoint = checkpoint;
        this.sequence = firstSequence;
        openSegment();
        recovered.forEach(segment -> checkpointer.execute(() -> checkpoint(segment)));
        committer = daemon(this::commitLoop, "spool-group-commit");
        committer.start();
    }

    static String segmentName(long sequence) {
        return String.format("%016d.journal", sequence);
    }

    /**
     * Queues a complete queue file for the next batch; the future completes once the batch is on disk, with where
     * the entry's copy of the file is.
     */
    CompletableFuture<JournalLocation> append(String queueId, Path queueFile) {
        return enqueue(new Append(JournalFormat.MESSAGE, queueId, queueFile, null, new CompletableFuture<>()));
    }

    /** As {@link #append(String, Path)}, with the file's content already in memory (nothing is read back). */
    CompletableFuture<JournalLocation> append(String queueId, ByteBuffer queueFileContent) {
        return enqueue(new Append(JournalFormat.MESSAGE, queueId, null, queueFileContent.asReadOnlyBuffer(),
                new CompletableFuture<>()));
    }

    /** Records that a message left the queue; written with the next batch, nobody waits for it. */
    void appendRemoval(String queueId) {
        enqueue(new Append(JournalFormat.REMOVAL, queueId, null, null, new CompletableFuture<>()));
    }

    /** Disk flushes of the journal so far, and messages they committed: the group-commit ratio. */
    long commits() {
        return commits.get();
    }

    long committedMessages() {
        return messages.get();
    }

    private CompletableFuture<JournalLocation> enqueue(Append append) {
        if (!running) {
            append.committed().completeExceptionally(new IOException("the spool journal is closed"));
            return append.committed();
        }
        waiting.add(append);
        return append.committed();
    }

    private void commitLoop() {
        List<Append> batch = new ArrayList<>();
        while (running || !waiting.isEmpty()) {
            try {
                Append first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Append> batch) {
        try {
            JournalLocation[] locations = new JournalLocation[batch.size()];
            long committed = 0;
            for (int i = 0; i < batch.size(); i++) {
                locations[i] = writeEntry(batch.get(i));
                committed += batch.get(i).type() == JournalFormat.MESSAGE ? 1 : 0;
            }
            if (committed > 0) {
                segment.force(false);
                commits.incrementAndGet();
            }
            messages.addAndGet(committed);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).committed().complete(locations[i]);
            }
            if (position >= segmentBytes) {
                rollSegment();
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("spool journal commit failed; starting a new segment", e);
            batch.forEach(a -> a.committed().completeExceptionally(e));
            tryRoll();
        }
    }

    /** Writes one entry at the segment's position; returns where its payload is (null for a removal). */
    private JournalLocation writeEntry(Append append) throws IOException {
        if (append.content() != null) {
            long length = append.content().remaining();
            ByteBuffer[] entry = {JournalFormat.entryHeader(append.type(), append.queueId(), length),
                    append.content()};
            long payloadOffset = position + entry[0].remaining();
            while (entry[1].hasRemaining()) {
                segment.write(entry);
            }
            position = payloadOffset + length;
            segmentIds.add(append.queueId());
            return new JournalLocation(segmentPath, payloadOffset, length);
        }
        if (append.file() == null) {
            writeFully(JournalFormat.entryHeader(append.type(), append.queueId(), 0));
            return null;
        }
        try (FileChannel source = FileChannel.open(append.file(), StandardOpenOption.READ)) {
            long length = source.size();
            writeFully(JournalFormat.entryHeader(append.type(), append.queueId(), length));
            long payloadOffset = position;
            long copied = 0;
            while (copied < length) {
                copied += segment.transferFrom(source, payloadOffset + copied, length - copied);
            }
            position = payloadOffset + length;
            segment.position(position);
            segmentIds.add(append.queueId());
            return new JournalLocation(segmentPath, payloadOffset, length);
        }
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            position += segment.write(buffer);
        }
    }

    /** Switches to the prepared next segment (preparing it now if needed) and starts preparing the one after. */
    private void openSegment() throws IOException {
        segmentPath = directory.resolve(segmentName(sequence++));
        segment = nextSegment == null ? prepare(segmentPath) : await(nextSegment);
        position = 0;
        Path following = directory.resolve(segmentName(sequence));
        nextSegment = preparer.submit(() -> prepare(following));
    }

    /**
     * Creates a segment filled with zeros and forced, directory entry included: commits then overwrite allocated
     * blocks, so each fdatasync flushes data only, no file size or block map. Reading stops at the zeros.
     */
    private FileChannel prepare(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
        long written = 0;
        while (written < segmentBytes) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), segmentBytes - written));
            written += channel.write(zeros);
        }
        channel.force(true);
        channel.position(0);
        SpoolLayout.forceDirectory(directory);
        return channel;
    }

    private static FileChannel await(Future<FileChannel> prepared) throws IOException {
        try {
            return prepared.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while preparing a journal segment");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    private void rollSegment() throws IOException {
        FileChannel full = segment;
        Segment closed = new Segment(segmentPath, segmentIds);
        segmentIds = new ArrayList<>();
        openSegment();
        full.close();
        fullSegments.add(closed);
        while (fullSegments.size() > retainedSegments) {
            Segment due = fullSegments.poll();
            checkpointer.execute(() -> checkpoint(due));
        }
    }

    /** After a failed commit: a new segment, or if that fails too, the old one at its real position. */
    private void tryRoll() {
        try {
            rollSegment();
        } catch (IOException e) {
            LOG.error("cannot start a new spool journal segment", e);
            try {
                position = segment.position();
            } catch (IOException unusable) {
                LOG.error("the spool journal segment {} is unusable", segmentPath, unusable);
            }
        }
    }

    private void checkpoint(Segment full) {
        try {
            checkpoint.makeDurable(full);
            Files.delete(full.file());
        } catch (ClosedByInterruptException stopping) {
            LOG.debug("spool checkpoint of {} stopped by shutdown; the next start completes it", full.file());
        } catch (IOException e) {
            LOG.error("spool checkpoint of {} failed; the segment is kept for recovery", full.file(), e);
        }
    }

    /** Commits what is waiting and closes; running checkpoints finish, the others are left to the next start. */
    @Override
    public void close() throws IOException, InterruptedException {
        running = false;
        committer.join(TimeUnit.SECONDS.toMillis(30));
        List<Append> late = new ArrayList<>();
        waiting.drainTo(late);
        late.forEach(a -> a.committed().completeExceptionally(new IOException("the spool journal is closed")));
        segment.close();
        preparer.shutdown();
        if (preparer.awaitTermination(30, TimeUnit.SECONDS)) {
            try {
                nextSegment.get().close();
            } catch (ExecutionException failed) {
                LOG.debug("the next journal segment was never prepared", failed.getCause());
            }
        }
        checkpointer.shutdownNow();
        if (!checkpointer.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("spool checkpoint did not finish; recovery will complete it at the next start");
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
