package io.mailpipe.smtp.server.transport;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Counts messages handed to the receiver and not yet completed, up to maxPendingMessages. A session that finds no
 * permit waits in line with its channel not reading, which pushes back on the client through TCP flow control
 * instead of buffering messages without bound (the back-pressure contract of DESIGN §5; RFC 5321 §4.5.3.2 lets a
 * client wait up to 10 minutes for the end-of-data reply).
 */
final class MessagePermits {

    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private int available;

    MessagePermits(int permits) {
        this.available = permits;
    }

    /** Runs onGranted now if a permit is free, else when one is released; the callee must release it later. */
    void acquire(Runnable onGranted) {
        synchronized (this) {
            if (available == 0) {
                waiting.addLast(onGranted);
                return;
            }
            available--;
        }
        onGranted.run();
    }

    /** Gives a permit back, handing it straight to the longest waiting session if there is one. */
    void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.pollFirst();
            if (next == null) {
                available++;
                return;
            }
        }
        next.run();
    }

    synchronized int available() {
        return available;
    }
}
