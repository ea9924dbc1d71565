package io.mailpipe.queue.spool;

import io.mailpipe.queue.QueueFileFormat;
import io.mailpipe.queue.QueueRecord;
import io.mailpipe.smtp.MessageBytes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A message taken out of the spool for one operation (a delivery attempt, a bounce, a deletion): its file sits in
 * {@code active/} until {@link Spool#finish} or {@link Spool#release}. A file up to {@link #IN_MEMORY_LIMIT} octets is
 * read once, whole, and its body served from memory however often it is read; a larger body is read from the file.
 * A message that has no file of its own (resident in the journal, {@link JournalResidents}) is claimed from its
 * journal copy, held in memory.
 */
public final class Claim {

    /** Files up to this size are held in memory while claimed. */
    static final long IN_MEMORY_LIMIT = 1 << 20;

    private final SpoolState from;
    private final Path file;
    private final QueueFileFormat.Layout layout;
    private final byte[] content;

    private Claim(SpoolState from, Path file, QueueFileFormat.Layout layout, byte[] content) {
        this.from = from;
        this.file = file;
        this.layout = layout;
        this.content = content;
    }

    /** Reads the claimed file: whole when it is small, otherwise its header only. */
    static Claim read(SpoolState from, Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > IN_MEMORY_LIMIT) {
                return new Claim(from, file, QueueFileFormat.readHeader(file), null);
            }
            ByteBuffer whole = ByteBuffer.allocate((int) size);
            while (whole.hasRemaining()) {
                if (channel.read(whole) < 0) {
                    throw new IOException("truncated queue file: " + file);
                }
            }
            byte[] bytes = whole.array();
            return new Claim(from, file, QueueFileFormat.readHeader(bytes, file.toString()), bytes);
        }
    }

    /** Claims a resident message from its queue file as read from the journal. */
    static Claim resident(SpoolState from, byte[] queueFile, String queueId) throws IOException {
        return new Claim(from, null, QueueFileFormat.readHeader(queueFile, "journal copy of " + queueId), queueFile);
    }

    public QueueRecord record() {
        return layout.record();
    }

    /** The state the message was claimed from. */
    public SpoolState from() {
        return from;
    }

    public MessageBytes body() {
        return new MessageBytes() {
            @Override
            public InputStream open() throws IOException {
                if (content != null) {
                    return new ByteArrayInputStream(content, (int) layout.bodyOffset(), (int) layout.bodyLength());
                }
                return QueueFileFormat.openBody(file, layout);
            }

            @Override
            public long length() {
                return layout.bodyLength();
            }
        };
    }

    /** The claimed file; null for a resident message. */
    Path file() {
        return file;
    }
}
