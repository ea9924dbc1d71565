package io.mailpipe.smtp;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Collects the bytes of one incoming message (RFC 5322 text after {@link DataDecoder} or the BDAT chunks, RFC 3030)
 * in memory up to a threshold and in a temporary file beyond it, so a large message never fills the heap
 * (the "large bodies spill to disk" rule of the design). {@link #toContent()} hands the bytes over as a re-readable
 * {@link MessageContent} whose {@code close()} deletes the file; {@link #discard()} throws them away. The temporary
 * file is created with owner-only permissions by {@link Files#createTempFile}. Not thread-safe.
 */
public final class SpoolingMessageWriter extends OutputStream {

    private static final int INITIAL_MEMORY = 4096;
    private static final int FILE_BUFFER = 64 * 1024;

    private final int memoryThreshold;
    private final Path tempDirectory;
    private byte[] memory;
    private int memoryLength;
    private Path file;
    private OutputStream fileOut;
    private long size;
    private boolean closed;
    private boolean handedOver;

    public SpoolingMessageWriter(int memoryThreshold, Path tempDirectory) {
        if (memoryThreshold < 0) {
            throw new IllegalArgumentException("negative memory threshold: " + memoryThreshold);
        }
        this.memoryThreshold = memoryThreshold;
        this.tempDirectory = tempDirectory;
        this.memory = new byte[Math.min(memoryThreshold, INITIAL_MEMORY)];
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("message writer already closed");
        }
        if (file == null && memoryLength + (long) length <= memoryThreshold) {
            ensureMemory(memoryLength + length);
            System.arraycopy(bytes, offset, memory, memoryLength, length);
            memoryLength += length;
        } else {
            if (file == null) {
                spill();
            }
            fileOut.write(bytes, offset, length);
        }
        size += length;
    }

    @Override
    public void flush() throws IOException {
        if (fileOut != null && !closed) {
            fileOut.flush();
        }
    }

    /** Ends writing; the bytes stay until {@link #toContent()} or {@link #discard()}. Idempotent. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            if (fileOut != null) {
                fileOut.close();
            }
        }
    }

    /** Octets written so far. */
    public long size() {
        return size;
    }

    /** True while no temporary file was needed. */
    public boolean inMemory() {
        return file == null;
    }

    /** Closes the writer and hands its bytes over; from now on the returned content owns the temporary file. */
    public MessageContent toContent() throws IOException {
        if (handedOver || (closed && memory == null && file == null)) {
            throw new IllegalStateException("message bytes already handed over or discarded");
        }
        close();
        handedOver = true;
        MessageContent content = file == null
                ? new MemoryContent(Arrays.copyOf(memory, memoryLength))
                : new FileContent(file, size);
        memory = null;
        return content;
    }

    /** Frees the memory and deletes the temporary file, unless the bytes were handed over. Idempotent. */
    public void discard() {
        try {
            close();
        } catch (IOException ignored) {
            // the bytes are being thrown away; a failing close changes nothing
        }
        memory = null;
        if (!handedOver && file != null) {
            deleteQuietly(file);
        }
        file = null;
    }

    private void ensureMemory(int needed) {
        if (needed > memory.length) {
            memory = Arrays.copyOf(memory, (int) Math.min(memoryThreshold, Math.max(needed, 2L * memory.length)));
        }
    }

    private void spill() throws IOException {
        file = Files.createTempFile(tempDirectory, "mailpipe-", ".msg");
        fileOut = new BufferedOutputStream(Files.newOutputStream(file), FILE_BUFFER);
        fileOut.write(memory, 0, memoryLength);
        memory = new byte[0];
        memoryLength = 0;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete temporary message file " + path, e);
        }
    }

    /** A small message held in memory. */
    private static final class MemoryContent implements MessageContent {
        private volatile byte[] bytes;

        MemoryContent(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public long size() {
            byte[] current = bytes;
            return current == null ? 0 : current.length;
        }

        @Override
        public InputStream openStream() throws IOException {
            byte[] current = bytes;
            if (current == null) {
                throw new IOException("message content already closed");
            }
            return new ByteArrayInputStream(current);
        }

        @Override
        public boolean inMemory() {
            return true;
        }

        @Override
        public void close() {
            bytes = null;
        }
    }

    /** A large message in a temporary file that {@link #close()} deletes. */
    private static final class FileContent implements MessageContent {
        private final Path file;
        private final long size;
        private volatile boolean closed;

        FileContent(Path file, long size) {
            this.file = file;
            this.size = size;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public InputStream openStream() throws IOException {
            if (closed) {
                throw new IOException("message content already closed");
            }
            return Files.newInputStream(file);
        }

        @Override
        public boolean inMemory() {
            return false;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                deleteQuietly(file);
            }
        }
    }
}
