package io.mailpipe.smtp.server.transport;

import io.mailpipe.smtp.SmtpReply;
import io.mailpipe.smtp.SmtpReplies;
import io.mailpipe.smtp.server.SmtpServerMetrics;
import io.mailpipe.smtp.server.SmtpServerMetrics.RefusalReason;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission of new connections: refuses with 421 (RFC 5321 §3.1 allows 421 in place of the greeting) when the
 * server drains (4.3.2), when the total limit is reached or when one client address holds too many (4.7.0,
 * RFC 3463 §3.8). Every admitted connection must be {@link #leave left} exactly once.
 */
final class ConnectionGate {

    private final int maxConnections;
    private final int maxPerClient;
    private final SmtpServerMetrics metrics;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private volatile boolean draining;

    ConnectionGate(int maxConnections, int maxPerClient, SmtpServerMetrics metrics) {
        this.maxConnections = maxConnections;
        this.maxPerClient = maxPerClient;
        this.metrics = metrics;
    }

    void drain() {
        draining = true;
    }

    boolean draining() {
        return draining;
    }

    /** Empty when the client is admitted (and counted), else the 421 to send before closing. */
    Optional<SmtpReply> enter(InetSocketAddress client) {
        if (draining) {
            return refuse(RefusalReason.SHUTTING_DOWN, SmtpReplies.SHUTTING_DOWN);
        }
        if (total.incrementAndGet() > maxConnections) {
            total.decrementAndGet();
            return refuse(RefusalReason.TOO_MANY_CONNECTIONS, SmtpReplies.TOO_MANY_CONNECTIONS);
        }
        AtomicInteger count = perClient.compute(client.getAddress(), (a, c) -> {
            AtomicInteger counter = c == null ? new AtomicInteger() : c;
            counter.incrementAndGet();
            return counter;
        });
        if (count.get() > maxPerClient) {
            leave(client);
            return refuse(RefusalReason.TOO_MANY_FROM_CLIENT, SmtpReplies.TOO_MANY_CONNECTIONS);
        }
        return Optional.empty();
    }

    void leave(InetSocketAddress client) {
        total.decrementAndGet();
        perClient.computeIfPresent(client.getAddress(), (a, c) -> c.decrementAndGet() == 0 ? null : c);
    }

    int open() {
        return total.get();
    }

    private Optional<SmtpReply> refuse(RefusalReason reason, SmtpReply reply) {
        metrics.connectionRefused(reason);
        return Optional.of(reply);
    }
}
