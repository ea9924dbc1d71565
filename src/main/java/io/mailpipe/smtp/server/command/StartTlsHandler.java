package io.mailpipe.smtp.server.command;

import io.mailpipe.smtp.SmtpCommand;
import io.mailpipe.smtp.SmtpReplies;

/**
 * STARTTLS (RFC 3207 §4): refused once TLS is active (503 5.5.1); otherwise the session answers 220 and negotiates
 * TLS, discarding whatever plaintext followed the command. The parser refuses an argument with 501 5.5.4.
 */
final class StartTlsHandler implements CommandHandler {
    @Override
    public void handle(SmtpCommand command, SessionContext session) {
        if (session.tlsActive()) {
            session.reply(SmtpReplies.BAD_SEQUENCE);
        } else {
            session.startTls();
        }
    }
}
