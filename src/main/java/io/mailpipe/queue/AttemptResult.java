package io.mailpipe.queue;

import io.mailpipe.delivery.DeliveryReport;

import java.util.Objects;

/**
 * How one delivery attempt of a message ended, as the queue sees it: every pending recipient delivered; a transient
 * failure (RFC 5321 §4.2.1 4yz, with the per-recipient report when there is one); a permanent failure (5yz); or a
 * fault without a report, which the queue treats as transient for every pending recipient.
 */
public record AttemptResult(Kind kind, DeliveryReport report, String error) {

    public enum Kind { DELIVERED, TRANSIENT, PERMANENT }

    public AttemptResult {
        Objects.requireNonNull(kind, "kind");
    }

    public static AttemptResult delivered(DeliveryReport report) {
        return new AttemptResult(Kind.DELIVERED, report, null);
    }

    public static AttemptResult transientFailure(DeliveryReport report, String error) {
        return new AttemptResult(Kind.TRANSIENT, report, error);
    }

    public static AttemptResult permanentFailure(DeliveryReport report, String error) {
        return new AttemptResult(Kind.PERMANENT, report, error);
    }

    /** A failure that says nothing per recipient (a bug, a lost connection to a broker): retried. */
    public static AttemptResult fault(String error) {
        return new AttemptResult(Kind.TRANSIENT, null, error);
    }
}
