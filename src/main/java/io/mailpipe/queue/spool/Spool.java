package io.mailpipe.queue.spool;

import io.mailpipe.queue.Disposition;
import io.mailpipe.queue.QueueFileFormat;
import io.mailpipe.queue.QueueRecord;
import io.mailpipe.queue.RecipientState;
import io.mailpipe.smtp.MessageBytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The embedded queue: one queue file per message ({@link QueueFileFormat}), made durable by the group commit of
 * {@link GroupCommitJournal} before {@link #store} returns (so a 250 after it keeps RFC 5321 §6.1's promise), held
 * in the journal alone while it is small and young ({@link JournalResidents}) and otherwise in a directory per
 * {@link SpoolState}; recovered by {@link SpoolRecovery} at {@link #open}. Deliveries claim due messages and finish
 * them with a {@link Disposition}; deferred and dead files are rewritten durably (write, fsync, rename, fsync the
 * directory). Also the inspection and control API: counts, listing, retry now, delete.
 */
public final class Spool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);
    /**
     * New messages up to this size are encoded in memory and kept only in the journal until its checkpoint
     * ({@link JournalResidents}); larger ones are streamed into a file of their own, which the journal copies.
     */
    private static final long RESIDENT_LIMIT = 1 << 20;
    private static final List<SpoolState> CLAIMABLE = List.of(SpoolState.INCOMING, SpoolState.DEFERRED,
            SpoolState.DEAD);

    private final SpoolLayout layout;
    private final Clock clock;
    private final SpoolIndex index = new SpoolIndex();
    private final JournalResidents residents = new JournalResidents();
    private final ResidentFiles residentFiles;
    private final GroupCommitJournal journal;
    private final SpoolStatistics statistics;
    private final FileLock lock;

    private Spool(SpoolLayout layout, SpoolSettings settings, Clock clock, FileLock lock,
                  SpoolRecovery.Recovered recovered) throws IOException {
        this.layout = layout;
        this.clock = clock;
        this.lock = lock;
        this.residentFiles = new ResidentFiles(layout);
        recovered.entries().forEach(e -> index.put(e.state(), e.record()));
        this.statistics = new SpoolStatistics(recovered.restored(), recovered.corrupt());
        this.journal = new GroupCommitJournal(layout.journal(), recovered.nextSegment(), settings.segmentBytes(),
                settings.retainedSegments(), this::makeDurable, recovered.segments());
        LOG.info("spool {}: {} messages after recovery ({} restored from the journal, {} corrupt)", layout.root(),
                recovered.entries().size(), recovered.restored(), recovered.corrupt());
    }

    /** Opens (creating if needed) and recovers the spool at {@code root}; it stays locked to this process. */
    public static Spool open(Path root, SpoolSettings settings, Clock clock) throws IOException {
        SpoolLayout layout = new SpoolLayout(root);
        layout.create();
        FileLock lock = layout.lock();
        try {
            return new Spool(layout, settings, clock, lock, SpoolRecovery.run(layout));
        } catch (IOException | RuntimeException e) {
            lock.channel().close();
            throw e;
        }
    }

    public Path root() {
        return layout.root();
    }

    public Clock clock() {
        return clock;
    }

    /** Stores a new message; returns once it is durable. Fails (and stores nothing) on any I/O problem. */
    public void store(QueueRecord record, MessageBytes body) throws IOException {
        try {
            storeAsync(record, body).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the spool commit");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("spool commit failed", e.getCause());
        }
    }

    /**
     * Writes a new message and queues it for the next group commit without waiting: the future completes once the
     * message is durable (and due for delivery), or fails, in which case nothing was stored. Completion runs on the
     * commit thread, so callers should continue elsewhere.
     */
    public CompletableFuture<Void> storeAsync(QueueRecord record, MessageBytes body) throws IOException {
        if (index.get(record.queueId()).isPresent()) {
            throw new IOException("queue id already in the spool: " + record.queueId());
        }
        if (body.length() <= RESIDENT_LIMIT) {
            return journal.append(record.queueId(), QueueFileFormat.encode(record, body))
                    .handle((location, failure) -> {
                        if (failure != null) {
                            throw new CompletionException(new IOException("spool commit failed", failure));
                        }
                        residents.add(record.queueId(), location);
                        index.put(SpoolState.INCOMING, record);
                        return null;
                    });
        }
        Path incoming = layout.file(SpoolState.INCOMING, record.queueId());
        writeFile(record, body, incoming);
        return journal.append(record.queueId(), incoming).handle((location, failure) -> {
            if (failure != null) {
                deleteQuietly(incoming);
                throw new CompletionException(new IOException("spool commit failed", failure));
            }
            index.put(SpoolState.INCOMING, record);
            return null;
        });
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete {} after a failed commit; it is checked again at the next start", file, e);
        }
    }

    /** Claims the next due message for delivery, waiting up to {@code waitMillis} for one. */
    public Optional<Claim> claimNext(long waitMillis) throws InterruptedException, IOException {
        Optional<SpoolIndex.Entry> entry = index.claimDue(clock, waitMillis);
        return entry.isPresent() ? Optional.of(activate(entry.get())) : Optional.empty();
    }

    /** Claims a named message that is not being delivered (incoming, deferred or dead), for a control operation. */
    public Optional<Claim> claim(String queueId) throws IOException {
        Optional<SpoolIndex.Entry> entry = index.claim(queueId, CLAIMABLE);
        return entry.isPresent() ? Optional.of(activate(entry.get())) : Optional.empty();
    }

    /** Ends a claim: removes the message, or stores {@code updated} as deferred or dead. */
    public void finish(Claim claim, Disposition disposition, QueueRecord updated) throws IOException {
        String queueId = claim.record().queueId();
        switch (disposition) {
            case REMOVE -> {
                dropStoredCopy(claim);
                journal.appendRemoval(queueId);
                index.remove(queueId);
            }
            case DEFER -> rewrite(claim, updated, SpoolState.DEFERRED);
            case DEAD -> rewrite(claim, updated, SpoolState.DEAD);
        }
    }

    /** Puts a claimed message back where it came from, unchanged. */
    public void release(Claim claim) throws IOException {
        QueueRecord record = claim.record();
        if (claim.file() != null) {
            Files.move(claim.file(), layout.file(claim.from(), record.queueId()), StandardCopyOption.ATOMIC_MOVE);
        }
        index.put(claim.from(), record);
    }

    /** Makes a deferred message due now; false when it is not deferred. */
    public boolean retryNow(String queueId) {
        return index.makeDue(queueId);
    }

    /**
     * Makes a deferred message due now and writes that into its file, so that it also holds for the next process
     * that opens the spool (an operator's retry while mailpipe is stopped); false when it is not deferred.
     */
    public boolean retryNowRecorded(String queueId) throws IOException {
        Optional<SpoolIndex.Entry> entry = index.get(queueId);
        if (entry.isEmpty() || entry.get().state() != SpoolState.DEFERRED) {
            return false;
        }
        Optional<Claim> claim = claim(queueId);
        if (claim.isEmpty()) {
            return false;
        }
        finish(claim.get(), Disposition.DEFER, claim.get().record().dueAt(clock.instant()));
        return true;
    }

    /** Deletes a message that is not being delivered, without any report; false when there is none such. */
    public boolean delete(String queueId) throws IOException {
        Optional<Claim> claim = claim(queueId);
        if (claim.isEmpty()) {
            return false;
        }
        finish(claim.get(), Disposition.REMOVE, claim.get().record());
        return true;
    }

    public Map<SpoolState, Integer> counts() {
        return index.counts();
    }

    /** Pending recipients per destination domain over every message that still has some. */
    public Map<String, Integer> pendingByDomain() {
        Map<String, Integer> domains = new TreeMap<>();
        for (SpoolIndex.Entry entry : index.snapshot()) {
            for (RecipientState recipient : entry.record().pendingRecipients()) {
                domains.merge(recipient.recipient().domain(), 1, Integer::sum);
            }
        }
        return domains;
    }

    /** Every message, oldest first. */
    public List<QueuedMessage> list() {
        Instant now = clock.instant();
        return index.snapshot().stream().map(e -> QueuedMessage.of(e.record(), e.state(), now))
                .sorted(Comparator.comparing(QueuedMessage::age).reversed()).toList();
    }

    /**
     * Why the spool cannot take mail now, empty when it can: it was closed, or its root, journal, tmp or a state
     * directory is not a writable directory any more (checked with file attributes, nothing is written).
     */
    public Optional<String> unavailableReason() {
        if (!lock.channel().isOpen()) {
            return Optional.of("the spool " + layout.root() + " is closed");
        }
        List<Path> directories = new ArrayList<>(List.of(layout.root(), layout.journal(), layout.tmp()));
        for (SpoolState state : SpoolState.values()) {
            directories.add(layout.directory(state));
        }
        for (Path directory : directories) {
            if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
                return Optional.of(directory + " is not a writable directory");
            }
        }
        return Optional.empty();
    }

    public SpoolStatistics statistics() {
        statistics.journal(journal.commits(), journal.committedMessages());
        return statistics;
    }

    @Override
    public void close() throws IOException {
        try {
            journal.close();
            residents.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.channel().close();
        }
        LOG.info("spool {}: {}", layout.root(), statistics());
    }

    private Claim activate(SpoolIndex.Entry entry) throws IOException {
        String queueId = entry.record().queueId();
        try {
            Optional<byte[]> resident = residents.read(queueId);
            if (resident.isPresent()) {
                return Claim.resident(entry.state(), resident.get(), queueId);
            }
            layout.move(entry.state(), SpoolState.ACTIVE, queueId);
            Path active = layout.file(SpoolState.ACTIVE, queueId);
            return Claim.read(entry.state(), active);
        } catch (IOException e) {
            index.put(entry.state(), entry.record());
            throw e;
        }
    }

    /** Writes a new revision beside the claimed file, forces it, renames it into {@code target}, drops the old. */
    private void rewrite(Claim claim, QueueRecord updated, SpoolState target) throws IOException {
        QueueRecord next = updated.nextRevision();
        Path tmp = layout.tmp().resolve(next.queueId() + ".rewrite");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream out = Channels.newOutputStream(channel);
             InputStream body = claim.body().open()) {
            QueueFileFormat.write(new BufferedOutputStream(out, 65536), next, body, claim.body().length());
            channel.force(false);
        }
        statistics.rewriteForced();
        Files.move(tmp, layout.file(target, next.queueId()), StandardCopyOption.ATOMIC_MOVE);
        SpoolLayout.forceDirectory(layout.directory(target));
        dropStoredCopy(claim);
        index.put(target, next);
    }

    /**
     * Deletes the copy a claim was taken from: its file, or for a resident message nothing but its residency (its
     * journal entry goes with the segment), unless a checkpoint gave it a file in {@code incoming/} meanwhile.
     */
    private void dropStoredCopy(Claim claim) throws IOException {
        if (claim.file() != null) {
            Files.deleteIfExists(claim.file());
        } else if (!residents.forget(claim.record().queueId())) {
            Files.deleteIfExists(layout.file(SpoolState.INCOMING, claim.record().queueId()));
        }
    }

    private void writeFile(QueueRecord record, MessageBytes body, Path target) throws IOException {
        Path tmp = layout.tmp().resolve(record.queueId());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 65536);
             InputStream in = body.open()) {
            QueueFileFormat.write(out, record, in, body.length());
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The checkpoint of {@link GroupCommitJournal}: gives each resident message of the segment still queued a
     * durable file and forces the large messages' files, which only the journal made durable so far. Messages no
     * longer queued, or rewritten into deferred or dead (forced then), need nothing.
     */
    private void makeDurable(GroupCommitJournal.Segment segment) throws IOException {
        for (String queueId : segment.queueIds()) {
            Optional<SpoolIndex.Entry> entry = index.get(queueId);
            if (entry.isEmpty() || entry.get().state() == SpoolState.DEFERRED
                    || entry.get().state() == SpoolState.DEAD) {
                continue;
            }
            if (residents.materialize(queueId, residentFiles)
                    || SpoolLayout.forceIfPresent(layout.file(SpoolState.INCOMING, queueId))
                    || SpoolLayout.forceIfPresent(layout.file(SpoolState.ACTIVE, queueId))) {
                statistics.checkpointForced();
            }
        }
        SpoolLayout.forceDirectory(layout.directory(SpoolState.INCOMING));
        SpoolLayout.forceDirectory(layout.directory(SpoolState.ACTIVE));
        residents.segmentRetired(segment.file());
    }

    /** Files for resident messages at a checkpoint: written and forced in {@code tmp/}, renamed into incoming. */
    private record ResidentFiles(SpoolLayout layout) implements JournalResidents.DurableFiles {
        @Override
        public Path writeAside(String queueId, ByteBuffer content) throws IOException {
            Path tmp = layout.tmp().resolve(queueId + ".checkpoint");
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                while (content.hasRemaining()) {
                    out.write(content);
                }
                out.force(false);
            }
            return tmp;
        }

        @Override
        public void install(String queueId, Path written) throws IOException {
            Files.move(written, layout.file(SpoolState.INCOMING, queueId), StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
