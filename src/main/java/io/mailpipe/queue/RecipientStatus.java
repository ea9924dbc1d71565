package io.mailpipe.queue;

/**
 * Where one recipient of a queued message stands (RFC 5321 §4.5.4.1 retry of undelivered recipients, §6.1
 * responsibility): still to be tried, handed to the next hop, given up and reported to the sender (RFC 3464), or
 * skipped because the address is on the suppression list.
 */
public enum RecipientStatus {
    /** Not yet delivered: tried at the message's next attempt. */
    PENDING,
    /** A next hop answered 2xx: never tried again. */
    DELIVERED,
    /** Failed permanently or expired: a failure report went (or goes) to the sender; never tried again. */
    BOUNCED,
    /** On the suppression list when its attempt came: never tried, and no failure report goes to the sender. */
    SUPPRESSED
}
