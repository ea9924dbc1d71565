package io.mailpipe.camel.kafkaqueue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock for tests in another process that runs sixty times faster than real time from its creation, so a
 * one-minute retry tier waits one second. Named as {@code #class:} by a bean property.
 */
public final class FastClock extends Clock {

    private static final long SPEED = 60;
    private final long startMillis = System.currentTimeMillis();

    @Override
    public Instant instant() {
        long elapsed = System.currentTimeMillis() - startMillis;
        return Instant.ofEpochMilli(startMillis + elapsed * SPEED);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
