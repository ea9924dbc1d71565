package io.mailpipe.smtp.server.transport;

import io.mailpipe.smtp.SmtpReplies;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a session whose client stays silent too long (RFC 5321 §4.5.3.2): the command timeout between commands,
 * the data timeout while message content is expected (§4.5.3.2.5 and .6). Time spent waiting for the server itself
 * (receiver, authenticator) never counts against the client. On expiry: 421 4.4.2, then close.
 */
final class SessionTimeouts {

    private final SmtpSession session;
    private final long commandNanos;
    private final long dataNanos;
    private long lastActivity;
    private ScheduledFuture<?> check;

    SessionTimeouts(SmtpSession session, Duration commandTimeout, Duration dataTimeout) {
        this.session = session;
        this.commandNanos = commandTimeout.toNanos();
        this.dataNanos = dataTimeout.toNanos();
    }

    void start() {
        touch();
        schedule(Math.min(commandNanos, dataNanos));
    }

    /** The client sent something. */
    void touch() {
        lastActivity = System.nanoTime();
    }

    void stop() {
        if (check != null) {
            check.cancel(false);
        }
    }

    private void schedule(long delayNanos) {
        check = session.eventLoop().schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check() {
        if (session.closing()) {
            return;
        }
        long limit = session.readingContent() ? dataNanos : commandNanos;
        if (session.suspended()) {
            touch();
        }
        long idle = System.nanoTime() - lastActivity;
        if (idle >= limit) {
            session.close(SmtpReplies.TIMEOUT);
        } else {
            schedule(Math.min(limit - idle, Math.min(commandNanos, dataNanos)));
        }
    }
}
