package io.mailpipe.queue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exponential back-off like Postfix: 5, 10, 20, 40 minutes, then capped at an hour; jitter only shortens. */
class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    @Test
    void theDefaultDoublesFromFiveMinutesUpToOneHour() {
        RetrySchedule schedule = RetrySchedule.DEFAULT;
        assertEquals(Duration.ofMinutes(5), schedule.baseDelay(1));
        assertEquals(Duration.ofMinutes(10), schedule.baseDelay(2));
        assertEquals(Duration.ofMinutes(20), schedule.baseDelay(3));
        assertEquals(Duration.ofMinutes(40), schedule.baseDelay(4));
        assertEquals(Duration.ofHours(1), schedule.baseDelay(5));
        assertEquals(Duration.ofHours(1), schedule.baseDelay(500));
    }

    @Test
    void jitterShortensByAtMostItsShare() {
        RandomGenerator random = new SplittableRandom(7);
        for (int attempt = 1; attempt <= 8; attempt++) {
            for (int i = 0; i < 200; i++) {
                Duration delay = Duration.between(NOW, RetrySchedule.DEFAULT.nextAttempt(NOW, attempt, random));
                Duration base = RetrySchedule.DEFAULT.baseDelay(attempt);
                assertTrue(delay.compareTo(base) <= 0, delay + " > " + base);
                assertTrue(delay.toMillis() >= base.toMillis() * 0.9, delay + " < 90% of " + base);
            }
        }
    }

    @Test
    void withoutJitterTheDelayIsExact() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), 3.0, Duration.ofMinutes(10), 0.0);
        assertEquals(NOW.plusSeconds(90), schedule.nextAttempt(NOW, 2, new SplittableRandom(1)));
        assertEquals(NOW.plusSeconds(600), schedule.nextAttempt(NOW, 4, new SplittableRandom(1)));
    }

    @Test
    void nonsensicalSchedulesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ZERO, 2, Duration.ofHours(1), 0.1));
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ofHours(2), 2, Duration.ofHours(1), 0.1));
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ofMinutes(1), 0.5, Duration.ofHours(1), 0.1));
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ofMinutes(1), 2, Duration.ofHours(1), 1.0));
    }
}
