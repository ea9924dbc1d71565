package io.mailpipe.queue;

/** Why the queue gave up on recipients (RFC 3464 §2.3.3 Action: failed), passed to the {@link BounceSink}. */
public enum BounceReason {
    /** The next hop refused them permanently (5xx, RFC 5321 §4.2.1) or no route exists. */
    PERMANENT_FAILURE,
    /** They were still pending when the queue lifetime ran out (RFC 5321 §4.5.4.1) or the sender's notAfter passed. */
    EXPIRED,
    /** An operator bounced the message through the queue control API. */
    OPERATOR
}
