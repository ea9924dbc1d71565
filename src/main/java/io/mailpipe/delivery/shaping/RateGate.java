package io.mailpipe.delivery.shaping;

/**
 * The per-second and per-hour token buckets of one site, tenant or campaign, with the counters shown to operators.
 * Rates arrive already scaled for back-off and replicas. Not thread-safe: {@link TrafficShaper} holds its lock.
 */
final class RateGate {

    private static final double HOUR_SECONDS = 3600;

    private final TokenBucket second = new TokenBucket();
    private final TokenBucket hour = new TokenBucket();
    long granted;
    long deferred;
    private long currentSecond = Long.MIN_VALUE;
    private long grantedThisSecond;
    private long grantedLastSecond;

    /** Nanoseconds to wait for a token of both buckets; 0 when one is there. Zero rates are unlimited. */
    long waitNanos(double perSecond, double perHour, long now) {
        long wait = 0;
        if (perSecond > 0) {
            wait = second.waitNanos(perSecond, Math.max(1, perSecond), now);
        }
        if (perHour > 0) {
            wait = Math.max(wait, hour.waitNanos(perHour / HOUR_SECONDS, Math.max(1, perHour), now));
        }
        return wait;
    }

    /** Takes a token from each limited bucket and counts the grant. */
    void take(double perSecond, double perHour, long now) {
        if (perSecond > 0) {
            second.take();
        }
        if (perHour > 0) {
            hour.take();
        }
        granted++;
        long secondIndex = Math.floorDiv(now, 1_000_000_000L);
        if (secondIndex != currentSecond) {
            grantedLastSecond = secondIndex == currentSecond + 1 ? grantedThisSecond : 0;
            grantedThisSecond = 0;
            currentSecond = secondIndex;
        }
        grantedThisSecond++;
    }

    /** Grants in the last whole second of the clock, a measure of the current rate. */
    long grantedLastSecond(long now) {
        long secondIndex = Math.floorDiv(now, 1_000_000_000L);
        if (secondIndex == currentSecond) {
            return grantedLastSecond;
        }
        return secondIndex == currentSecond + 1 ? grantedThisSecond : 0;
    }
}
