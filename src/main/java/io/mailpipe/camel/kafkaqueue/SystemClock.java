package io.mailpipe.camel.kafkaqueue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The UTC system clock as a class a YAML bean property can name ({@code #class:...}); the queue's default clock. */
public final class SystemClock extends Clock {

    private final Clock utc = Clock.systemUTC();

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return utc.withZone(zone);
    }

    @Override
    public Instant instant() {
        return utc.instant();
    }

    @Override
    public long millis() {
        return utc.millis();
    }
}
