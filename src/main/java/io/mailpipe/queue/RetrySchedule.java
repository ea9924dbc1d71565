package io.mailpipe.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When to try a message again after a transient failure (RFC 5321 §4.5.4.1: retry intervals of at least 30 minutes
 * are recommended; like Postfix we start lower and back off): the first retry waits {@code initialDelay}, each
 * further one {@code factor} times longer, never more than {@code maxDelay}; each delay is then shortened by a
 * random share of up to {@code jitter} (0..1) so messages deferred together do not come back together.
 */
public record RetrySchedule(Duration initialDelay, double factor, Duration maxDelay, double jitter) {

    /** 5 minutes, doubling, at most 1 hour, up to 10% jitter. */
    public static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofMinutes(5), 2.0, Duration.ofHours(1), 0.1);

    public RetrySchedule {
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 < initialDelay <= maxDelay");
        }
        if (factor < 1.0 || jitter < 0.0 || jitter >= 1.0) {
            throw new IllegalArgumentException("need factor >= 1 and 0 <= jitter < 1");
        }
    }

    /** The delay before the next try, without jitter, after {@code failedAttempts} (at least 1) failed attempts. */
    public Duration baseDelay(int failedAttempts) {
        double millis = initialDelay.toMillis() * Math.pow(factor, Math.max(0, failedAttempts - 1));
        return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
    }

    /** The instant of the next try after {@code failedAttempts} failed attempts, jittered with {@code random}. */
    public Instant nextAttempt(Instant now, int failedAttempts, RandomGenerator random) {
        long base = baseDelay(failedAttempts).toMillis();
        long shortened = (long) (base * jitter * random.nextDouble());
        return now.plusMillis(base - shortened);
    }
}
