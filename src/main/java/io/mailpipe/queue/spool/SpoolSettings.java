package io.mailpipe.queue.spool;

/**
 * Tuning of one spool: {@code segmentBytes} is the size of a journal segment; {@code retainedSegments} how many full
 * segments the journal keeps before the oldest is checkpointed (its messages still queued made durable on their own,
 * one fsync each, and the segment deleted). Larger values mean fewer per-file fsyncs when a backlog builds up, at
 * the cost of disk (up to {@code retainedSegments * segmentBytes} of journal) and of replay time at start.
 */
public record SpoolSettings(long segmentBytes, int retainedSegments) {

    /** Full segments kept by default: 8 (512 MiB with the default 64 MiB segments). */
    public static final int DEFAULT_RETAINED_SEGMENTS = 8;
    public static final SpoolSettings DEFAULT = new SpoolSettings(64L * 1024 * 1024);

    public SpoolSettings {
        if (segmentBytes < 4096) {
            throw new IllegalArgumentException("segmentBytes must be at least 4096");
        }
        if (retainedSegments < 1) {
            throw new IllegalArgumentException("retainedSegments must be at least 1");
        }
    }

    /** Segments of {@code segmentBytes}, {@link #DEFAULT_RETAINED_SEGMENTS} of them kept. */
    public SpoolSettings(long segmentBytes) {
        this(segmentBytes, DEFAULT_RETAINED_SEGMENTS);
    }
}
