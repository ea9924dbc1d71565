package io.mailpipe.queue.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The directories of one spool: a directory per {@link SpoolState}, {@code tmp/} for files being written (never
 * delivered, emptied at start), {@code journal/} for the group-commit segments and {@code corrupt/} for files that
 * failed their checksum and could not be restored. Moves between directories are atomic renames (POSIX rename(2)).
 */
final class SpoolLayout {

    private final Path root;

    SpoolLayout(Path root) {
        this.root = root;
    }

    void create() throws IOException {
        for (SpoolState state : SpoolState.values()) {
            Files.createDirectories(directory(state));
        }
        Files.createDirectories(tmp());
        Files.createDirectories(journal());
        Files.createDirectories(corrupt());
        forceDirectory(root);
    }

    /**
     * Takes the spool's exclusive lock (an OS file lock on {@code lock}, released when the process dies), so that
     * two processes never recover or deliver from one spool.
     */
    FileLock lock() throws IOException {
        FileChannel channel = FileChannel.open(root.resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
        } catch (OverlappingFileLockException heldHere) {
            // the same process holds it: fall through to the error below
        }
        channel.close();
        throw new SpoolLockedException("the spool " + root + " is in use by another process");
    }

    Path root() {
        return root;
    }

    Path directory(SpoolState state) {
        return root.resolve(state.directoryName());
    }

    Path file(SpoolState state, String queueId) {
        return directory(state).resolve(queueId);
    }

    Path tmp() {
        return root.resolve("tmp");
    }

    Path journal() {
        return root.resolve("journal");
    }

    Path corrupt() {
        return root.resolve("corrupt");
    }

    void move(SpoolState from, SpoolState to, String queueId) throws IOException {
        Files.move(file(from, queueId), file(to, queueId), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Makes renames and deletions in {@code directory} durable (fsync on the directory, as Postfix does). */
    static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Forces a file's data to disk if it exists; false when it does not (moved on or removed). */
    static boolean forceIfPresent(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(false);
            return true;
        } catch (NoSuchFileException gone) {
            return false;
        }
    }
}
