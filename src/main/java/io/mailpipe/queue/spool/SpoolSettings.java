package io.mailpipe.queue.spool;

/**
 * Tuning of one spool: {@code segmentBytes} is the journal segment size after which a checkpoint makes the segment's
 * messages durable on their own and deletes it (larger: fewer per-file fsyncs, more to replay at start).
 */
public record SpoolSettings(long segmentBytes) {

    public static final SpoolSettings DEFAULT = new SpoolSettings(64L * 1024 * 1024);

    public SpoolSettings {
        if (segmentBytes < 4096) {
            throw new IllegalArgumentException("segmentBytes must be at least 4096");
        }
    }
}
