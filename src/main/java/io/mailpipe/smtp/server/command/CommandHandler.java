package io.mailpipe.smtp.server.command;

import io.mailpipe.smtp.SmtpCommand;

/**
 * Executes one parsed SMTP command in a session whose state, TLS and AUTH requirements the
 * {@link CommandTable} has already checked (RFC 5321 §4.1).
 */
@FunctionalInterface
public interface CommandHandler {
    void handle(SmtpCommand command, SessionContext session);
}
