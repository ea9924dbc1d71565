package io.mailpipe.delivery.shaping;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The token bucket on a clock the test moves: burst up to capacity, then one token per interval. */
class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void fullBucketThenBookedSlots() {
        TokenBucket bucket = new TokenBucket();
        for (int i = 0; i < 4; i++) {
            assertEquals(0, bucket.waitNanos(4, 4, 0));
            bucket.take();
        }
        assertEquals(SECOND / 4, bucket.waitNanos(4, 4, 0));
        bucket.take();
        assertEquals(SECOND / 2, bucket.waitNanos(4, 4, 0));
        assertEquals(SECOND / 4, bucket.waitNanos(4, 4, SECOND / 4));
    }

    @Test
    void refillStopsAtCapacity() {
        TokenBucket bucket = new TokenBucket();
        bucket.waitNanos(2, 2, 0);
        bucket.take();
        bucket.take();
        assertEquals(2.0, bucket.available(2, 2, 100 * SECOND), 1e-9);
    }

    @Test
    void rateChangesTakeEffectAtOnce() {
        TokenBucket bucket = new TokenBucket();
        bucket.waitNanos(10, 1, 0);
        bucket.take();
        assertEquals(SECOND / 10, bucket.waitNanos(10, 1, 0));
        assertEquals(SECOND / 5, bucket.waitNanos(5, 1, 0));
    }
}
