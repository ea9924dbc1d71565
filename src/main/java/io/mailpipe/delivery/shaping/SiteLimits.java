package io.mailpipe.delivery.shaping;

/**
 * The limits of one site (all domains served by the same provider's MX hosts): concurrent connections, messages per
 * connection (RFC 5321 §3.3 lets a client run several transactions per session), and messages per second and per
 * hour. Zero means unlimited for every field.
 */
public record SiteLimits(int maxConnections, int maxMessagesPerConnection, double maxMessagesPerSecond,
                         long maxMessagesPerHour) {

    public static final SiteLimits UNLIMITED = new SiteLimits(0, 0, 0, 0);

    public SiteLimits {
        if (maxConnections < 0 || maxMessagesPerConnection < 0 || maxMessagesPerSecond < 0 || maxMessagesPerHour < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
    }
}
