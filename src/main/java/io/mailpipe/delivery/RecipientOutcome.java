package io.mailpipe.delivery;

/** How one delivery attempt ended for one recipient (RFC 5321 §4.2.1 reply classes; RFC 3463 §3.1). */
public enum RecipientOutcome {
    /** A 2xx to the end of data: the remote server took responsibility. */
    DELIVERED,
    /** A 4xx, a connection or DNS failure: try again later. */
    TRANSIENT,
    /** A 5xx or a permanent routing failure (null MX, NXDOMAIN): bounce. */
    PERMANENT;

    /** The outcome a reply stands for: 2xx and 3xx delivered, 4xx transient, 5xx permanent. */
    public static RecipientOutcome of(io.mailpipe.smtp.SmtpReply reply) {
        if (reply.isPermanentFailure()) {
            return PERMANENT;
        }
        return reply.isTransientFailure() ? TRANSIENT : DELIVERED;
    }
}
