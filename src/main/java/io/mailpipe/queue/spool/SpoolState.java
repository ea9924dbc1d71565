package io.mailpipe.queue.spool;

import java.util.Locale;

/**
 * The state of a message in the spool, one directory each (like Postfix's incoming, active, deferred and corrupt
 * queues): where a message file lives says what happens to it next (RFC 5321 §4.5.4.1 retry bookkeeping).
 */
public enum SpoolState {
    /** Accepted and durable, due now. */
    INCOMING,
    /** Handed to a delivery attempt; moved back to incoming at start after a crash (at-least-once). */
    ACTIVE,
    /** Waiting for its next-attempt time after a transient failure. */
    DEFERRED,
    /** Given up: every recipient delivered or bounced, at least one bounced. Kept for inspection until deleted. */
    DEAD;

    public String directoryName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
