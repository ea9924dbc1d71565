package io.mailpipe.smtp.server.transport;

import io.mailpipe.smtp.SmtpReplies;
import io.mailpipe.smtp.server.ServerReplies;
import io.mailpipe.smtp.server.SmtpServerConfig;
import io.mailpipe.smtp.server.auth.SaslMechanism;
import io.mailpipe.smtp.server.auth.SaslStep;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Drives one AUTH exchange (RFC 4954 §4): 334 challenges, "*" → 501 5.7.0, bad base64 → 501 5.5.2, credentials
 * checked by the {@link io.mailpipe.smtp.server.auth.Authenticator} on the worker executor, 235 2.7.0 on success,
 * 535 5.7.8 after the failure delay (scheduled on the event loop, never slept), 454 4.7.0 when the check itself
 * failed, and 421 with disconnection once the session used up its failures.
 */
final class AuthExchange {

    private final SmtpSession session;
    private final SaslMechanism mechanism;

    AuthExchange(SmtpSession session, SaslMechanism mechanism) {
        this.session = session;
        this.mechanism = mechanism;
    }

    void start(String initialResponse) {
        next(mechanism.start(initialResponse));
    }

    void respond(String line) {
        next(mechanism.respond(line));
    }

    private void next(SaslStep step) {
        if (step instanceof SaslStep.Challenge challenge) {
            session.reply(SmtpReplies.authChallenge(challenge.base64()));
            session.flush();
            session.mode(new SaslInput(this, session));
        } else if (step instanceof SaslStep.Credentials credentials) {
            verify(credentials);
        } else if (step instanceof SaslStep.Cancelled) {
            session.reply(ServerReplies.AUTH_CANCELLED);
        } else if (step instanceof SaslStep.Malformed) {
            session.reply(ServerReplies.AUTH_BAD_BASE64);
        } else {
            session.suspend();
            failed();
        }
    }

    private void verify(SaslStep.Credentials credentials) {
        session.suspend();
        SmtpServerConfig config = session.config();
        CompletableFuture<Boolean> check;
        try {
            check = CompletableFuture.supplyAsync(
                    () -> config.authenticator().authenticate(credentials.user(), credentials.password()),
                    config.workerExecutor()).thenCompose(stage -> stage);
        } catch (RuntimeException rejected) {
            check = CompletableFuture.failedFuture(rejected);
        }
        check.whenComplete((valid, error) -> {
            credentials.clear();
            session.eventLoop().execute(() -> verified(credentials.user(), valid, error));
        });
    }

    private void verified(String user, Boolean valid, Throwable error) {
        if (session.closing()) {
            return;
        }
        if (error != null) {
            session.reply(ServerReplies.AUTH_TEMPORARY_FAILURE);
            session.resume();
        } else if (Boolean.TRUE.equals(valid)) {
            session.authenticatedAs(user);
            session.config().metrics().authSucceeded(mechanism.name());
            session.reply(SmtpReplies.AUTH_SUCCESS);
            session.resume();
        } else {
            failed();
        }
    }

    private void failed() {
        session.config().metrics().authFailed(mechanism.name());
        boolean limitReached = session.authFailed();
        long delay = session.config().authFailureDelay().toNanos();
        session.eventLoop().schedule(() -> {
            if (session.closing()) {
                return;
            }
            session.reply(SmtpReplies.AUTH_FAILED);
            if (limitReached) {
                session.close(SmtpReplies.TOO_MANY_ERRORS);
            } else {
                session.resume();
            }
        }, delay, TimeUnit.NANOSECONDS);
    }
}
