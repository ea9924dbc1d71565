package io.mailpipe.smtp.client;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Slot booking of the per-destination message rate, on a given clock. */
class RateLimiterTest {

    @Test
    void startsAreSpacedByTheIntervalPerDestination() {
        RateLimiter limiter = new RateLimiter(10);
        assertEquals(0, limiter.reserve("a", 1_000_000_000L));
        assertEquals(100_000_000L, limiter.reserve("a", 1_000_000_000L));
        assertEquals(150_000_000L, limiter.reserve("a", 1_050_000_000L));
        assertEquals(0, limiter.reserve("b", 1_050_000_000L));
        assertEquals(0, limiter.reserve("a", 2_000_000_000L));
    }

    @Test
    void zeroMeansUnlimited() {
        RateLimiter limiter = new RateLimiter(0);
        for (int i = 0; i < 100; i++) {
            assertEquals(0, limiter.reserve("a", 5L));
        }
    }
}
