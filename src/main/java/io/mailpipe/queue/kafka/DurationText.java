package io.mailpipe.queue.kafka;

import java.time.Duration;

/** Reads the short durations of the configuration: a whole number followed by s, m, h or d ({@code 10m}, {@code 5d}). */
public final class DurationText {

    private DurationText() {
    }

    public static Duration parse(String text) {
        String value = text.trim();
        if (!value.matches("[0-9]{1,9}[smhd]")) {
            throw new IllegalArgumentException("not a duration like 30s, 10m, 1h or 5d: " + text);
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        Duration duration = switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (duration.isZero()) {
            throw new IllegalArgumentException("a duration must be positive: " + text);
        }
        return duration;
    }
}
