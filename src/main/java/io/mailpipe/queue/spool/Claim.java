package io.mailpipe.queue.spool;

import io.mailpipe.queue.QueueFileFormat;
import io.mailpipe.queue.QueueRecord;
import io.mailpipe.smtp.MessageBytes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A message taken out of the spool for one operation (a delivery attempt, a bounce, a deletion): its file sits in
 * {@code active/} until {@link Spool#finish} or {@link Spool#release}. The body is read from that file.
 */
public final class Claim {

    private final SpoolState from;
    private final Path file;
    private final QueueFileFormat.Layout layout;

    Claim(SpoolState from, Path file, QueueFileFormat.Layout layout) {
        this.from = from;
        this.file = file;
        this.layout = layout;
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
                return QueueFileFormat.openBody(file, layout);
            }

            @Override
            public long length() {
                return layout.bodyLength();
            }
        };
    }

    Path file() {
        return file;
    }
}
