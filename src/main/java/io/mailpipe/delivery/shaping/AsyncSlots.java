package io.mailpipe.delivery.shaping;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * Connection slots of one site: at most a limit in use at once (the limit is given at each call so the replica count
 * can change it), callers beyond it queued as futures that complete when a slot is released — no thread waits.
 */
final class AsyncSlots {

    private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private int inUse;
    private int limit = Integer.MAX_VALUE;

    /** A future completing when the caller holds a slot; {@code max} 0 means unlimited. */
    CompletableFuture<Void> acquire(int max) {
        synchronized (this) {
            limit = max <= 0 ? Integer.MAX_VALUE : max;
            if (inUse < limit) {
                inUse++;
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> wait = new CompletableFuture<>();
            waiting.addLast(wait);
            return wait;
        }
    }

    /** Gives a slot back; the longest waiter, if the limit allows, gets it. */
    void release() {
        CompletableFuture<Void> next = null;
        synchronized (this) {
            inUse--;
            if (inUse < limit && !waiting.isEmpty()) {
                inUse++;
                next = waiting.pollFirst();
            }
        }
        if (next != null) {
            next.complete(null);
        }
    }

    synchronized int inUse() {
        return inUse;
    }

    synchronized int waiting() {
        return waiting.size();
    }
}
