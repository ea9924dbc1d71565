package io.mailpipe.smtp.client;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Spaces transaction starts per destination key so that no more than a given number begin per second: each start
 * books the next free slot and is told how long to wait for it. Nothing sleeps here; the caller schedules the start.
 */
final class RateLimiter {

    private final long intervalNanos;
    private final ConcurrentMap<Object, long[]> nextSlot = new ConcurrentHashMap<>();

    /** {@code perSecond} 0 means unlimited. */
    RateLimiter(double perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
    }

    /** Books a slot for {@code key} and returns the nanoseconds to wait before using it. */
    long reserve(Object key, long nowNanos) {
        if (intervalNanos == 0) {
            return 0;
        }
        long[] slot = nextSlot.computeIfAbsent(key, k -> new long[] {nowNanos});
        synchronized (slot) {
            long start = Math.max(slot[0], nowNanos);
            slot[0] = start + intervalNanos;
            return start - nowNanos;
        }
    }
}
