package io.mailpipe.smtp.server.command;

import io.mailpipe.smtp.SmtpReply;
import io.mailpipe.smtp.Verb;

import java.util.Set;

/**
 * One row of the verb table: the states a verb is allowed in (RFC 5321 §4.1.4), the reply when TLS is required but
 * absent (RFC 3207 §4, RFC 4954 §4; null when not required), whether authentication is required first (RFC 4954
 * §6), whether the verb may sit inside a pipelined group rather than end one (RFC 2920 §3.1), and its handler.
 */
public record CommandRule(Verb verb, Set<SessionState> allowedStates, SmtpReply withoutTls, boolean requiresAuth,
                          boolean pipelinable, CommandHandler handler) {

    public CommandRule {
        allowedStates = Set.copyOf(allowedStates);
    }

    public boolean allowedIn(SessionState state) {
        return allowedStates.contains(state);
    }

    public boolean requiresTls() {
        return withoutTls != null;
    }
}
