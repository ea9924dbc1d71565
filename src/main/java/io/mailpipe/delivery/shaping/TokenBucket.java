package io.mailpipe.delivery.shaping;

/**
 * A token bucket whose rate and size are given at each call (so back-off and the replica count can change them
 * without a new bucket): tokens refill continuously at {@code perSecond} up to {@code capacity}; taking a token may
 * leave the balance negative, which books a future slot for the taker, and later callers are told to wait longer.
 * Times are nanoseconds from a caller's clock. Not thread-safe: {@link TrafficShaper} holds its lock.
 */
final class TokenBucket {

    private static final double NANOS = 1_000_000_000d;

    private double tokens;
    private long updated;
    private boolean started;

    /** Nanoseconds until a token is available at this rate; 0 when one is there now. */
    long waitNanos(double perSecond, double capacity, long now) {
        refill(perSecond, capacity, now);
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perSecond * NANOS);
    }

    /** Takes one token (the caller asked {@link #waitNanos} at the same time before). */
    void take() {
        tokens -= 1;
    }

    /** The tokens now available, for reporting. */
    double available(double perSecond, double capacity, long now) {
        refill(perSecond, capacity, now);
        return tokens;
    }

    private void refill(double perSecond, double capacity, long now) {
        if (!started) {
            started = true;
            tokens = capacity;
            updated = now;
            return;
        }
        long elapsed = now - updated;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed / NANOS * perSecond);
            updated = now;
        }
    }
}
