package io.mailpipe.smtp.server.command;

import io.mailpipe.smtp.HeloCommand;
import io.mailpipe.smtp.SmtpCommand;
import io.mailpipe.smtp.SmtpReplies;

/** HELO (RFC 5321 §4.1.1.1): plain SMTP greeting, no extensions; resets any transaction. */
final class HeloHandler implements CommandHandler {
    @Override
    public void handle(SmtpCommand command, SessionContext session) {
        session.greeted(((HeloCommand) command).domain(), false);
        session.reply(SmtpReplies.helo(session.config().serverName()));
    }
}
