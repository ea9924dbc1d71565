package io.mailpipe.smtp.client;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Open sessions kept per {@link Destination} (address, TLS policy, credentials) for reuse (RFC 5321 §3.3 allows
 * several transactions per connection): at most a set number of connections per destination, with callers beyond
 * that queued without a thread; a session goes back to the pool after a clean transaction until it has carried the
 * maximum number of messages, and an idle session is closed with QUIT after the idle timeout.
 */
final class ConnectionPool {

    private final SmtpClientConfig config;
    private final EventLoopGroup group;
    private final Function<Destination, CompletableFuture<ClientSession>> opener;
    private final Map<Destination, Slots> slots = new ConcurrentHashMap<>();

    ConnectionPool(SmtpClientConfig config, EventLoopGroup group,
                   Function<Destination, CompletableFuture<ClientSession>> opener) {
        this.config = config;
        this.group = group;
        this.opener = opener;
    }

    private static final class Idle {
        final ClientSession session;
        final ScheduledFuture<?> expiry;

        Idle(ClientSession session, ScheduledFuture<?> expiry) {
            this.session = session;
            this.expiry = expiry;
        }
    }

    private final class Slots {
        final Destination destination;
        final ArrayDeque<Idle> idle = new ArrayDeque<>();
        final ArrayDeque<CompletableFuture<ClientSession>> waiting = new ArrayDeque<>();
        int open;

        Slots(Destination destination) {
            this.destination = destination;
        }
    }

    /** A session for {@code destination}: an idle one, a new one, or the next one released. */
    CompletableFuture<ClientSession> acquire(Destination destination) {
        Slots s = slots.computeIfAbsent(destination, Slots::new);
        synchronized (s) {
            while (!s.idle.isEmpty()) {
                Idle idle = s.idle.pollLast();
                idle.expiry.cancel(false);
                if (idle.session.connection().isUsable()) {
                    return CompletableFuture.completedFuture(idle.session);
                }
                s.open--;
            }
            if (s.open < config.maxConnectionsPerDestination()) {
                s.open++;
                return openFor(s);
            }
            CompletableFuture<ClientSession> wait = new CompletableFuture<>();
            s.waiting.add(wait);
            return wait;
        }
    }

    /**
     * Returns a session after a transaction; {@code reusable} is false when the transaction left it unusable. The
     * future completes when a session that is not kept has been closed (QUIT answered or timed out), at once otherwise,
     * so a caller counting connections sees this one gone before it starts another.
     */
    CompletableFuture<Void> release(ClientSession session, boolean reusable) {
        Slots s = slots.get(session.destination());
        boolean keep = reusable && session.connection().isUsable()
                && session.transactions() < config.maxMessagesPerConnection();
        CompletableFuture<ClientSession> next;
        synchronized (s) {
            next = s.waiting.poll();
            if (keep && next == null) {
                s.idle.addLast(new Idle(session, scheduleExpiry(s, session)));
                return CompletableFuture.completedFuture(null);
            }
            if (!keep && next == null) {
                s.open--;
            }
        }
        CompletableFuture<Void> closed = keep ? CompletableFuture.completedFuture(null)
                : session.connection().quit(config.timeouts().quit());
        if (next != null) {
            if (keep) {
                next.complete(session);
            } else {
                openFor(s).whenComplete((opened, error) -> complete(next, opened, error));
            }
        }
        return closed;
    }

    private CompletableFuture<ClientSession> openFor(Slots s) {
        return opener.apply(s.destination).whenComplete((session, error) -> {
            if (error != null) {
                opened(s, false);
            }
        });
    }

    /** After a failed open, the slot is given up; one waiter, if any, gets its own attempt. */
    private void opened(Slots s, boolean success) {
        CompletableFuture<ClientSession> next;
        synchronized (s) {
            next = success ? null : s.waiting.poll();
            if (next == null) {
                s.open--;
            }
        }
        if (next != null) {
            openFor(s).whenComplete((session, error) -> complete(next, session, error));
        }
    }

    private ScheduledFuture<?> scheduleExpiry(Slots s, ClientSession session) {
        return group.schedule(() -> {
            boolean removed;
            synchronized (s) {
                removed = s.idle.removeIf(i -> i.session == session);
                if (removed) {
                    s.open--;
                }
            }
            if (removed) {
                session.connection().quit(config.timeouts().quit());
            }
        }, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Closes every idle session with QUIT; returns their close futures. */
    List<CompletableFuture<Void>> closeIdle() {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (Slots s : slots.values()) {
            synchronized (s) {
                for (Idle idle : s.idle) {
                    idle.expiry.cancel(false);
                    closing.add(idle.session.connection().quit(config.timeouts().quit()));
                    s.open--;
                }
                s.idle.clear();
            }
        }
        return closing;
    }

    /** Open connections for {@code destination} (idle and busy), for tests and metrics. */
    int openConnections(Destination destination) {
        Slots s = slots.get(destination);
        if (s == null) {
            return 0;
        }
        synchronized (s) {
            return s.open;
        }
    }

    private static void complete(CompletableFuture<ClientSession> target, ClientSession session, Throwable error) {
        if (error != null) {
            target.completeExceptionally(error);
        } else {
            target.complete(session);
        }
    }
}
