package io.mailpipe.delivery.shaping;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Suspensions set by an operator on a site, a tenant or a campaign, each until a time of the shaper's clock
 * (nanoseconds); resuming removes one. Expired entries are dropped when looked at.
 */
final class Suspensions {

    private record Key(Scope scope, String name) {
    }

    private final Map<Key, Long> until = new ConcurrentHashMap<>();

    void suspend(Scope scope, String name, long untilNanos) {
        until.put(new Key(scope, name), untilNanos);
    }

    /** Whether a suspension was lifted. */
    boolean resume(Scope scope, String name) {
        return until.remove(new Key(scope, name)) != null;
    }

    /** Nanoseconds the suspension of {@code name} still lasts at {@code now}; 0 when not suspended. */
    long remaining(Scope scope, String name, long now) {
        if (name == null) {
            return 0;
        }
        Key key = new Key(scope, name);
        Long end = until.get(key);
        if (end == null) {
            return 0;
        }
        if (end - now <= 0) {
            until.remove(key, end);
            return 0;
        }
        return end - now;
    }

    /** Names under suspension in {@code scope}, with nanoseconds remaining. */
    Map<String, Long> active(Scope scope, long now) {
        Map<String, Long> out = new java.util.TreeMap<>();
        until.keySet().stream().filter(k -> k.scope() == scope).forEach(k -> {
            long left = remaining(scope, k.name(), now);
            if (left > 0) {
                out.put(k.name(), left);
            }
        });
        return out;
    }
}
