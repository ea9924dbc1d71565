package io.mailpipe.smtp.server.transport;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs one session's blocking work (spool writes, discards, the hand-over to the receiver) on the shared worker
 * executor one task at a time and in submission order, so a message spool is never touched by two threads at once
 * (the spool of RFC 5321 §4.1.1.4 content is not thread-safe). A rejected task surfaces to the submitter.
 */
final class SerialExecutor implements Executor {

    private final Executor workers;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    SerialExecutor(Executor workers) {
        this.workers = workers;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        try {
            workers.execute(this::drain);
        } catch (RuntimeException rejected) {
            synchronized (this) {
                tasks.clear();
                running = false;
            }
            throw rejected;
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                Thread current = Thread.currentThread();
                current.getUncaughtExceptionHandler().uncaughtException(current, e);
            }
        }
    }
}
