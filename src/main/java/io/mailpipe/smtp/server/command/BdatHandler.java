package io.mailpipe.smtp.server.command;

import io.mailpipe.smtp.BdatCommand;
import io.mailpipe.smtp.SmtpCommand;
import io.mailpipe.smtp.SmtpReplies;

/**
 * BDAT (RFC 3030 §2): reads one chunk into the transaction. The chunk's octets follow the command whatever the
 * reply, so a BDAT outside a transaction with recipients is read, dropped and answered 503 5.5.1.
 */
final class BdatHandler implements CommandHandler {
    @Override
    public void handle(SmtpCommand command, SessionContext session) {
        BdatCommand bdat = (BdatCommand) command;
        SessionState state = session.state();
        if (state == SessionState.RCPT || state == SessionState.BDAT) {
            session.receiveChunk(bdat);
        } else {
            session.discardChunk(bdat, SmtpReplies.BAD_SEQUENCE);
        }
    }
}
