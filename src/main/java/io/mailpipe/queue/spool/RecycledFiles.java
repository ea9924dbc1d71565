package io.mailpipe.queue.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the files of messages that left the spool and hands them to new messages, so that a busy spool renames files
 * instead of creating and deleting one per message. Creating a file right after many were deleted is expensive on
 * ext4 (the inode allocator skips inodes deleted moments ago, scanning the inode table to find them); a renamed file
 * needs no inode at all. A retired file is renamed into {@code tmp/} (which the spool empties at start, so a crash
 * leaves nothing behind) and then emptied, so the text of a delivered message does not linger; at most
 * {@code capacity} files wait, any more are deleted.
 */
final class RecycledFiles {

    private final Path directory;
    private final int capacity;
    private final ConcurrentLinkedQueue<Path> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong names = new AtomicLong();

    RecycledFiles(Path directory, int capacity) {
        this.directory = directory;
        this.capacity = capacity;
    }

    /** An empty file in {@code tmp/} for a new message to be written into, or null when none is waiting. */
    Path take() {
        Path file = free.poll();
        if (file != null) {
            size.decrementAndGet();
        }
        return file;
    }

    /** Takes a message file out of its state directory: kept, emptied, for a new message, or deleted. */
    void retire(Path file) throws IOException {
        if (size.get() >= capacity) {
            Files.deleteIfExists(file);
            return;
        }
        Path kept = directory.resolve("free-" + names.incrementAndGet());
        try {
            Files.move(file, kept, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException gone) {
            return;
        }
        try (FileChannel channel = FileChannel.open(kept, StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
        free.add(kept);
        size.incrementAndGet();
    }
}
