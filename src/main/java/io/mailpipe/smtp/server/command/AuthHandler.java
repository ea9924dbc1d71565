package io.mailpipe.smtp.server.command;

import io.mailpipe.smtp.AuthCommand;
import io.mailpipe.smtp.SmtpCommand;
import io.mailpipe.smtp.SmtpReplies;
import io.mailpipe.smtp.server.ServerReplies;
import io.mailpipe.smtp.server.auth.SaslMechanism;

import java.util.Optional;

/**
 * AUTH (RFC 4954 §4): refused with 503 5.5.1 once authenticated, with 504 5.5.4 for a mechanism other than PLAIN
 * or LOGIN; otherwise starts the SASL exchange.
 */
final class AuthHandler implements CommandHandler {
    @Override
    public void handle(SmtpCommand command, SessionContext session) {
        AuthCommand auth = (AuthCommand) command;
        if (session.authenticated()) {
            session.reply(SmtpReplies.BAD_SEQUENCE);
            return;
        }
        Optional<SaslMechanism> mechanism = SaslMechanism.forName(auth.mechanism());
        if (mechanism.isEmpty()) {
            session.reply(ServerReplies.AUTH_UNKNOWN_MECHANISM);
        } else {
            session.authenticate(mechanism.get(), auth.initialResponse());
        }
    }
}
