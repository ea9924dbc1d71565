package io.mailpipe.delivery.shaping;

/** Message rates of a tenant or a campaign, on top of its sites' limits: per second and per hour, zero unlimited. */
public record RateLimits(double maxMessagesPerSecond, long maxMessagesPerHour) {

    public static final RateLimits UNLIMITED = new RateLimits(0, 0);

    public RateLimits {
        if (maxMessagesPerSecond < 0 || maxMessagesPerHour < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
    }
}
