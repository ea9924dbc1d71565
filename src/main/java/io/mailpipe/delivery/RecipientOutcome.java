package io.mailpipe.delivery;

/** How one delivery attempt ended for one recipient (RFC 5321 §4.2.1 reply classes; RFC 3463 §3.1). */
public enum RecipientOutcome {
    /** A 2xx to the end of data: the remote server took responsibility. */
    DELIVERED,
    /** A 4xx, a connection or DNS failure: try again later. */
    TRANSIENT,
    /** A 5xx or a permanent routing failure (null MX, NXDOMAIN): bounce. */
    PERMANENT
}
