package io.mailpipe.smtp.server.command;

import io.mailpipe.smtp.SmtpCommand;
import io.mailpipe.smtp.SmtpReplies;

/**
 * Runs a parsed command through its {@link CommandRule}: state check (503 5.5.1, RFC 5321 §4.1.4), TLS check
 * (RFC 3207 §4, RFC 4954 §4), AUTH check (530 5.7.0, RFC 4954 §6), then the handler. A verb that ends a pipelined
 * group has the replies queued before it, and its own reply, flushed (RFC 2920 §3.2).
 */
public final class CommandDispatcher {

    private final CommandTable table;

    public CommandDispatcher(CommandTable table) {
        this.table = table;
    }

    public void dispatch(SmtpCommand command, SessionContext session) {
        CommandRule rule = table.rule(command.verb());
        if (!rule.pipelinable()) {
            session.flush();
        }
        if (!rule.allowedIn(session.state())) {
            session.reply(SmtpReplies.BAD_SEQUENCE);
        } else if (rule.requiresTls() && !session.tlsActive()) {
            session.reply(rule.withoutTls());
        } else if (rule.requiresAuth() && !session.authenticated()) {
            session.reply(SmtpReplies.AUTH_REQUIRED);
        } else {
            rule.handler().handle(command, session);
        }
        if (!rule.pipelinable()) {
            session.flush();
        }
    }
}
