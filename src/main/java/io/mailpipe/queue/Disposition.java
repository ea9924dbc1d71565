package io.mailpipe.queue;

/** What happens to a message after an attempt was resolved (Postfix-like queue states, RFC 5321 §4.5.4.1). */
public enum Disposition {
    /** Every recipient delivered: the message leaves the queue. */
    REMOVE,
    /** Some recipients still pending: kept until the record's next-attempt time. */
    DEFER,
    /** Nothing pending but at least one recipient bounced: kept in the dead state for inspection. */
    DEAD
}
