package io.mailpipe.delivery.shaping;

import java.time.Instant;

/**
 * Carries an operator's suspension or resumption from the replica that was asked to every replica, itself included,
 * which applies it with {@link TrafficShaper#apply}. A resumption is a suspension until a time already past.
 */
public interface SuspensionBroadcast {

    /** Publishes that {@code name} in {@code scope} is suspended until {@code until}; fails when it cannot. */
    void publish(Scope scope, String name, Instant until);
}
