package io.mailpipe.queue;

import java.time.Duration;
import java.time.Instant;

/**
 * The expiry rule (RFC 5321 §4.5.4.1: give up after at least 4-5 days): a message whose recipients are still pending
 * {@code maximum} after it was first received is bounced; no retry is ever scheduled later than that moment, so the
 * last try happens at expiry at the latest. A message with a sender's cut-off ({@link QueueRecord#notAfter()})
 * expires at the earlier of the two: {@code min(receivedAt + maximum, notAfter)}; at its notAfter it is not tried
 * again but expired at once (see {@link AttemptResolver#expireUntried}).
 */
public record QueueLifetime(Duration maximum) {

    public static final QueueLifetime DEFAULT = new QueueLifetime(Duration.ofDays(5));

    public QueueLifetime {
        if (maximum.isNegative() || maximum.isZero()) {
            throw new IllegalArgumentException("the queue lifetime must be positive");
        }
    }

    /** The effective expiry: the end of the lifetime, or the message's notAfter when that comes first. */
    public Instant expiresAt(QueueRecord record) {
        Instant end = record.receivedAt().plus(maximum);
        Instant notAfter = record.notAfter();
        return notAfter != null && notAfter.isBefore(end) ? notAfter : end;
    }

    public boolean isExpired(QueueRecord record, Instant now) {
        return !now.isBefore(expiresAt(record));
    }

    /** {@code proposed}, or the expiry instant when that comes first. */
    public Instant capNextAttempt(QueueRecord record, Instant proposed) {
        Instant expiry = expiresAt(record);
        return proposed.isAfter(expiry) ? expiry : proposed;
    }
}
