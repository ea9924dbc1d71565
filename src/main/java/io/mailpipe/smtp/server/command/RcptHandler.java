package io.mailpipe.smtp.server.command;

import io.mailpipe.smtp.Mailboxes;
import io.mailpipe.smtp.RcptCommand;
import io.mailpipe.smtp.Recipient;
import io.mailpipe.smtp.SmtpCommand;
import io.mailpipe.smtp.SmtpReplies;

/**
 * RCPT (RFC 5321 §4.1.1.3): adds a recipient. The one over the limit gets 452 4.5.3 (RFC 5321 §4.5.3.1.10), a
 * non-ASCII address in a transaction without SMTPUTF8 gets 553 5.6.7 (RFC 6531 §3.6), and a recipient the relay
 * policy does not allow gets 554 5.7.1.
 */
final class RcptHandler implements CommandHandler {
    @Override
    public void handle(SmtpCommand command, SessionContext session) {
        Recipient recipient = ((RcptCommand) command).recipient();
        Transaction transaction = session.transaction();
        if (transaction.recipientCount() >= session.config().maxRecipients()) {
            session.reply(SmtpReplies.TOO_MANY_RECIPIENTS);
        } else if (!transaction.mailFrom().smtputf8() && !Mailboxes.isAscii(recipient.address())) {
            session.reply(SmtpReplies.UTF8_REQUIRED);
        } else if (!session.relayAllowed(recipient)) {
            session.reply(SmtpReplies.RELAY_DENIED);
        } else {
            session.addRecipient(recipient);
            session.reply(SmtpReplies.RECIPIENT_OK);
        }
    }
}
