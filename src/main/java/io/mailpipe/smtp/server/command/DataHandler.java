package io.mailpipe.smtp.server.command;

import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.SmtpCommand;
import io.mailpipe.smtp.SmtpReplies;

/**
 * DATA (RFC 5321 §4.1.1.4): answers 354 and switches to message input. Refused with 503 when BDAT already started
 * the transaction's content or when BODY=BINARYMIME was declared, which only BDAT can carry (RFC 3030 §3).
 */
final class DataHandler implements CommandHandler {
    @Override
    public void handle(SmtpCommand command, SessionContext session) {
        if (session.state() == SessionState.BDAT) {
            session.reply(SmtpReplies.DATA_BDAT_MIXED);
        } else if (session.transaction().mailFrom().body() == MailFrom.BodyType.BINARY_MIME) {
            session.reply(SmtpReplies.BAD_SEQUENCE);
        } else {
            session.receiveData();
        }
    }
}
