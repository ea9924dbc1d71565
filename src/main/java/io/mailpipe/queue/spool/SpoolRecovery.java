package io.mailpipe.queue.spool;

import io.mailpipe.queue.QueueFileFormat;
import io.mailpipe.queue.QueueRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Brings a spool back to a consistent state at start, before anything is accepted or delivered (the recovery half of
 * the protocol in {@link GroupCommitJournal}): empties {@code tmp/}; checks every queue file's checksum; moves
 * messages left in {@code active/} back to {@code incoming/} (they are delivered again: at-least-once); of two copies
 * of a message keeps the newer revision; restores from the journal each committed message whose file is missing or
 * torn (without forcing it: the segment still holds it); moves files that fail their checksum and are not in the
 * journal to {@code corrupt/} (their writers were never acknowledged). The surviving segments are returned with
 * their message ids, for the journal to checkpoint in the background.
 */
final class SpoolRecovery {

    record Recovered(List<SpoolIndex.Entry> entries, List<GroupCommitJournal.Segment> segments, long nextSegment,
                     int restored, int corrupt) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SpoolRecovery.class);
    private static final List<SpoolState> STATES = List.of(SpoolState.INCOMING, SpoolState.ACTIVE,
            SpoolState.DEFERRED, SpoolState.DEAD);

    private final SpoolLayout layout;
    private final Map<String, SpoolIndex.Entry> found = new HashMap<>();
    private int corrupt;

    private SpoolRecovery(SpoolLayout layout) {
        this.layout = layout;
    }

    static Recovered run(SpoolLayout layout) throws IOException {
        return new SpoolRecovery(layout).recover();
    }

    private Recovered recover() throws IOException {
        deleteAll(layout.tmp());
        List<Path> segments = list(layout.journal());
        Map<String, JournalReader.Entry> journaled = new HashMap<>();
        Set<String> removed = new HashSet<>();
        List<GroupCommitJournal.Segment> checkpoints = new ArrayList<>();
        for (Path segment : segments) {
            List<String> ids = new ArrayList<>();
            for (JournalReader.Entry entry : JournalReader.read(segment)) {
                if (entry.type() == JournalFormat.MESSAGE) {
                    journaled.put(entry.queueId(), entry);
                    ids.add(entry.queueId());
                } else {
                    removed.add(entry.queueId());
                }
            }
            checkpoints.add(new GroupCommitJournal.Segment(segment, ids));
        }
        for (SpoolState state : STATES) {
            for (Path file : list(layout.directory(state))) {
                admit(state, file, journaled.containsKey(file.getFileName().toString()));
            }
        }
        int restored = 0;
        for (JournalReader.Entry entry : journaled.values()) {
            if (!removed.contains(entry.queueId()) && !found.containsKey(entry.queueId()) && restore(entry)) {
                restored++;
            }
        }
        return new Recovered(new ArrayList<>(found.values()), checkpoints, nextSegment(segments), restored, corrupt);
    }

    /** Checks one file and records it, moving active ones back to incoming and dropping an older duplicate. */
    private void admit(SpoolState state, Path file, boolean journaled) throws IOException {
        QueueRecord record;
        try {
            record = QueueFileFormat.readVerified(file).record();
        } catch (IOException damaged) {
            if (journaled) {
                Files.delete(file);
            } else {
                LOG.warn("spool: {} fails its checksum and is not in the journal; moved to corrupt/", file);
                Files.move(file, layout.corrupt().resolve(state.directoryName() + "-" + file.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
                corrupt++;
            }
            return;
        }
        SpoolState kept = state == SpoolState.ACTIVE ? SpoolState.INCOMING : state;
        SpoolIndex.Entry earlier = found.get(record.queueId());
        if (earlier != null && earlier.record().revision() >= record.revision()) {
            Files.delete(file);
            return;
        }
        if (earlier != null) {
            Files.delete(layout.file(earlier.state(), record.queueId()));
        }
        if (state == SpoolState.ACTIVE) {
            Files.move(file, layout.file(SpoolState.INCOMING, record.queueId()), StandardCopyOption.ATOMIC_MOVE);
        }
        found.put(record.queueId(), new SpoolIndex.Entry(kept, record));
    }

    private boolean restore(JournalReader.Entry entry) throws IOException {
        Path tmp = layout.tmp().resolve(entry.queueId());
        try (FileChannel source = FileChannel.open(entry.segment(), StandardOpenOption.READ);
             FileChannel target = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            long copied = 0;
            while (copied < entry.payloadLength()) {
                copied += source.transferTo(entry.payloadOffset() + copied, entry.payloadLength() - copied, target);
            }
        }
        QueueRecord record;
        try {
            record = QueueFileFormat.readVerified(tmp).record();
        } catch (IOException torn) {
            LOG.warn("spool: journal copy of {} is incomplete (its commit was never acknowledged)", entry.queueId());
            Files.delete(tmp);
            return false;
        }
        Files.move(tmp, layout.file(SpoolState.INCOMING, record.queueId()), StandardCopyOption.ATOMIC_MOVE);
        found.put(record.queueId(), new SpoolIndex.Entry(SpoolState.INCOMING, record));
        LOG.info("spool: restored {} from the journal", record.queueId());
        return true;
    }

    private static long nextSegment(List<Path> segments) {
        long next = 0;
        for (Path segment : segments) {
            String name = segment.getFileName().toString();
            next = Math.max(next, Long.parseLong(name.substring(0, name.indexOf('.'))) + 1);
        }
        return next;
    }

    private static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void deleteAll(Path directory) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                Files.delete(file);
            }
        }
    }
}
