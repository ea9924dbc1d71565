package io.mailpipe.smtp.server.command;

import io.mailpipe.smtp.MailCommand;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.SmtpCommand;
import io.mailpipe.smtp.SmtpReplies;

/**
 * MAIL (RFC 5321 §4.1.1.2): opens a transaction; a declared SIZE above the limit gets 552 5.3.4 (RFC 1870 §6.1).
 * The parser has already refused a non-ASCII reverse-path without SMTPUTF8 (RFC 6531 §3.6).
 */
final class MailHandler implements CommandHandler {
    @Override
    public void handle(SmtpCommand command, SessionContext session) {
        MailFrom mailFrom = ((MailCommand) command).mailFrom();
        if (mailFrom.declaredSize().orElse(0) > session.config().maxMessageSize()) {
            session.reply(SmtpReplies.MESSAGE_TOO_BIG);
        } else {
            session.beginTransaction(mailFrom);
            session.reply(SmtpReplies.SENDER_OK);
        }
    }
}
