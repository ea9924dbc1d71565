package io.mailpipe.queue.kafka;

import java.time.Instant;

/**
 * The head record of a retry tier is not due yet and the consumer must poll again before waiting longer; the record
 * stays uncommitted and is read again (nothing about it changed).
 */
public class RecordNotDueException extends Exception {
    private static final long serialVersionUID = 1L;

    public RecordNotDueException(String queueId, Instant dueAt) {
        super("queue record " + queueId + " is due at " + dueAt);
    }
}
