package io.mailpipe.queue.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Holds the head record of a retry tier until it is due, by the queue's clock, for at most {@code maxWait} at a time
 * (kept below the consumer's max.poll.interval.ms so the group does not evict the consumer); the record is then
 * polled again. Checks the clock every {@code step}, so a test clock moved forward releases it promptly.
 */
public final class DueWait {

    private final Clock clock;
    private final Duration maxWait;
    private final Duration step;

    public DueWait(Clock clock, Duration maxWait, Duration step) {
        this.clock = clock;
        this.maxWait = maxWait;
        this.step = step;
    }

    /** True once {@code dueAt} has come; false when {@code maxWait} ran out or {@code keepWaiting} turned false. */
    public boolean await(Instant dueAt, BooleanSupplier keepWaiting) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (clock.instant().isBefore(dueAt)) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !keepWaiting.getAsBoolean()) {
                return false;
            }
            long untilDue = Duration.between(clock.instant(), dueAt).toNanos();
            Thread.sleep(Math.max(1, Math.min(Math.min(left, untilDue), step.toNanos()) / 1_000_000));
        }
        return true;
    }
}
