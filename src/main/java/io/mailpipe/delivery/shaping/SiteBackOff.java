package io.mailpipe.delivery.shaping;

import java.util.ArrayDeque;

/**
 * The adaptive state of one site: a rate factor (1 = the configured rate) and a suspension. A push-back — a 421
 * reply, an RFC 3463 §3.8 4.7.x status or rate-limit wording, or a burst of 4xx replies within a window — halves the
 * factor (down to a floor) and suspends the site, each repeat suspending twice as long up to a cap; every delivered
 * transaction wins back a step of the rate, and when the rate is whole again the next suspension starts short.
 * Not thread-safe: {@link TrafficShaper} holds its lock. Times are nanoseconds from the shaper's clock.
 */
final class SiteBackOff {

    private final BackOffSettings settings;
    private final ArrayDeque<Long> transients = new ArrayDeque<>();
    private double factor = 1;
    private long suspendedUntil;
    private long lastSuspension;
    private int pushBacks;

    SiteBackOff(BackOffSettings settings) {
        this.settings = settings;
    }

    double factor() {
        return factor;
    }

    boolean suspended(long now) {
        return now - suspendedUntil < 0;
    }

    long suspendedUntil() {
        return suspendedUntil;
    }

    int pushBacks() {
        return pushBacks;
    }

    /** Ends a running suspension now; returns whether there was one. */
    boolean lift(long now) {
        boolean was = suspended(now);
        if (was) {
            suspendedUntil = now;
        }
        return was;
    }

    /** Records a transaction's reply class: a push-back, another transient failure, or a delivery. */
    void record(ReplyKind kind, long now) {
        switch (kind) {
            case PUSH_BACK -> pushBack(now);
            case TRANSIENT -> {
                transients.addLast(now);
                while (!transients.isEmpty() && now - transients.peekFirst() > settings.burstWindow().toNanos()) {
                    transients.removeFirst();
                }
                if (transients.size() >= settings.transientBurst()) {
                    pushBack(now);
                }
            }
            case DELIVERED -> {
                factor = Math.min(1, factor + settings.recoveryStep());
                if (factor >= 1 && !suspended(now)) {
                    lastSuspension = 0;
                }
            }
            case OTHER -> { }
        }
    }

    private void pushBack(long now) {
        pushBacks++;
        transients.clear();
        factor = Math.max(settings.minRateFactor(), factor / 2);
        long base = settings.suspension().toNanos();
        long next = lastSuspension == 0 ? base : Math.min(settings.maxSuspension().toNanos(), lastSuspension * 2);
        lastSuspension = next;
        suspendedUntil = now + next;
    }

    /** How a reply counts for back-off. */
    enum ReplyKind { PUSH_BACK, TRANSIENT, DELIVERED, OTHER }
}
