package io.mailpipe.delivery.shaping;

/**
 * What operators see of one site: its configured limits, the limits in force on this replica (after back-off and the
 * replica count), connections in use and callers waiting, messages granted in the last second and in total,
 * deliveries deferred by shaping, push-backs seen, and seconds of suspension left (by back-off or an operator).
 */
public record SiteReport(String site, SiteLimits configured, int effectiveConnections, double effectivePerSecond,
                         double rateFactor, int connectionsInUse, int waiting, long grantedLastSecond,
                         long granted, long deferred, int pushBacks, long suspendedSeconds, boolean operatorSuspended) {
}
