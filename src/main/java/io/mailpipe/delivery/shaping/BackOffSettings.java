package io.mailpipe.delivery.shaping;

import java.time.Duration;

/**
 * How a site that pushes back is throttled: the first suspension and its cap (each repeat doubles it), the lowest
 * share of its configured rate it can fall to, how many 4xx replies within a window count as a burst, how much of the
 * rate one delivered transaction wins back, and the longest a delivery waits for a rate token before it is deferred.
 */
public record BackOffSettings(Duration suspension, Duration maxSuspension, double minRateFactor, int transientBurst,
                              Duration burstWindow, double recoveryStep, Duration maxTokenWait) {

    public static final BackOffSettings DEFAULTS = new BackOffSettings(Duration.ofMinutes(5), Duration.ofHours(1),
            0.125, 20, Duration.ofMinutes(1), 0.05, Duration.ofSeconds(1));

    public BackOffSettings {
        if (suspension.isNegative() || maxSuspension.compareTo(suspension) < 0) {
            throw new IllegalArgumentException("max-suspend-seconds must be at least suspend-seconds, both >= 0");
        }
        if (minRateFactor <= 0 || minRateFactor > 1) {
            throw new IllegalArgumentException("min-rate-factor must be in (0, 1]");
        }
        if (transientBurst < 1 || burstWindow.isNegative() || burstWindow.isZero()) {
            throw new IllegalArgumentException("transient-burst and burst-window-seconds must be positive");
        }
        if (recoveryStep <= 0 || recoveryStep > 1 || maxTokenWait.isNegative()) {
            throw new IllegalArgumentException("recovery-step must be in (0, 1], max-token-wait-millis >= 0");
        }
    }
}
