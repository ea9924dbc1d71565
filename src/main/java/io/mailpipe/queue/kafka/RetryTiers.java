package io.mailpipe.queue.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The retry tiers of the Kafka queue: one topic {@code mail.retry.<name>} per fixed delay (default 1m, 10m, 1h, 6h).
 * Every record in a tier waits the same delay, so records become due in the order they were appended and only the
 * head of each partition ever waits (RFC 5321 §4.5.4.1 retry intervals, without blocking other tiers). A deferral
 * goes to the longest tier that does not overshoot the time still to wait; a record that is due in its tier but not
 * yet at its own next-attempt time moves on to the tier that fits the rest.
 */
public final class RetryTiers {

    /** One tier: its name as written in the configuration (also the topic suffix) and its delay. */
    public record Tier(String name, Duration delay) {
    }

    public static final String DEFAULT = "1m,10m,1h,6h";

    private final List<Tier> tiers;

    private RetryTiers(List<Tier> tiers) {
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("at least one retry tier is needed");
        }
        this.tiers = tiers.stream().sorted(Comparator.comparing(Tier::delay)).toList();
    }

    /** Parses a comma-separated list of delays such as {@code 1m,10m,1h,6h} (units s, m, h, d). */
    public static RetryTiers parse(String text) {
        List<Tier> parsed = new ArrayList<>();
        for (String part : text.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (!name.isEmpty()) {
                parsed.add(new Tier(name, DurationText.parse(name)));
            }
        }
        return new RetryTiers(parsed);
    }

    public List<Tier> all() {
        return tiers;
    }

    /** The tier for a record that should wait {@code remaining}: the longest delay not above it, else the shortest. */
    public Tier forWait(Duration remaining) {
        Tier chosen = tiers.get(0);
        for (Tier tier : tiers) {
            if (tier.delay().compareTo(remaining) <= 0) {
                chosen = tier;
            }
        }
        return chosen;
    }
}
