package io.mailpipe.queue.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The messages whose only copy is their entry in a group-commit journal segment, durable there as RFC 5321 §6.1
 * requires once the 250 is sent: small messages are not written to a file of their own when they arrive, since most
 * leave the queue before their segment is checkpointed. A message stops being resident when it leaves the queue
 * ({@link #forget}) or when the checkpoint of its segment gives it a durable file ({@link #materialize}); both happen
 * under this object's lock, so a delivery that reads a resident message never races the deletion of its segment.
 */
final class JournalResidents implements AutoCloseable {

    /** Gives a resident message a durable file of its own: written and forced aside, then put in place. */
    interface DurableFiles {
        /** Writes and forces a file with {@code content} where nothing delivers it; returns that file. */
        Path writeAside(String queueId, ByteBuffer content) throws IOException;

        /** Moves a file written by {@link #writeAside} to where the message's file belongs. */
        void install(String queueId, Path written) throws IOException;
    }

    private final Map<String, JournalLocation> locations = new HashMap<>();
    private final Map<Path, FileChannel> readers = new HashMap<>();

    synchronized void add(String queueId, JournalLocation location) {
        locations.put(queueId, location);
    }

    /** The message's queue file, read from the journal; empty when it is not (or no longer) resident. */
    synchronized Optional<byte[]> read(String queueId) throws IOException {
        JournalLocation location = locations.get(queueId);
        return location == null ? Optional.empty() : Optional.of(read(location).array());
    }

    /** Forgets a message that leaves the queue; false when it was not resident (it has a file of its own). */
    synchronized boolean forget(String queueId) {
        return locations.remove(queueId) != null;
    }

    /**
     * Gives a resident message its own durable file; false when it is not resident (any more). The slow part, the
     * write and its fsync, runs outside the lock, so deliveries and commits are not held up by it.
     */
    boolean materialize(String queueId, DurableFiles files) throws IOException {
        ByteBuffer content;
        synchronized (this) {
            JournalLocation location = locations.get(queueId);
            if (location == null) {
                return false;
            }
            content = read(location);
        }
        Path written = files.writeAside(queueId, content);
        synchronized (this) {
            if (locations.containsKey(queueId)) {
                files.install(queueId, written);
                locations.remove(queueId);
                return true;
            }
        }
        Files.delete(written);
        return false;
    }

    /** Closes the reader of a segment about to be deleted; no resident message refers to it any more. */
    synchronized void segmentRetired(Path segment) throws IOException {
        FileChannel reader = readers.remove(segment);
        if (reader != null) {
            reader.close();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        for (FileChannel reader : readers.values()) {
            reader.close();
        }
        readers.clear();
        locations.clear();
    }

    private ByteBuffer read(JournalLocation location) throws IOException {
        FileChannel reader = readers.get(location.segment());
        if (reader == null) {
            reader = FileChannel.open(location.segment(), StandardOpenOption.READ);
            readers.put(location.segment(), reader);
        }
        return JournalReader.payload(reader, location);
    }
}
