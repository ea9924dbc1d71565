package io.mailpipe.smtp.server.command;

import io.mailpipe.smtp.SmtpCommand;
import io.mailpipe.smtp.SmtpReplies;

/** RSET (RFC 5321 §4.1.1.5): aborts the transaction, keeps the HELO/EHLO state. */
final class RsetHandler implements CommandHandler {
    @Override
    public void handle(SmtpCommand command, SessionContext session) {
        session.resetTransaction();
        session.reply(SmtpReplies.RESET_OK);
    }
}
