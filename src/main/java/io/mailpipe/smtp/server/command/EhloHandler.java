package io.mailpipe.smtp.server.command;

import io.mailpipe.smtp.HeloCommand;
import io.mailpipe.smtp.SmtpCommand;
import io.mailpipe.smtp.SmtpReplies;
import io.mailpipe.smtp.server.SmtpServerConfig;
import io.mailpipe.smtp.server.auth.SaslMechanism;

import java.util.ArrayList;
import java.util.List;

/**
 * EHLO (RFC 5321 §4.1.1.1): resets any transaction and lists exactly the extensions implemented: SIZE (RFC 1870),
 * PIPELINING (RFC 2920), 8BITMIME (RFC 6152), SMTPUTF8 (RFC 6531), ENHANCEDSTATUSCODES (RFC 2034), CHUNKING and
 * BINARYMIME (RFC 3030), DSN (RFC 3461), STARTTLS (RFC 3207) before TLS only, AUTH (RFC 4954) where allowed.
 */
final class EhloHandler implements CommandHandler {
    @Override
    public void handle(SmtpCommand command, SessionContext session) {
        session.greeted(((HeloCommand) command).domain(), true);
        session.reply(SmtpReplies.ehlo(session.config().serverName(), keywords(session)));
    }

    private static List<String> keywords(SessionContext session) {
        SmtpServerConfig config = session.config();
        List<String> keywords = new ArrayList<>(List.of("SIZE " + config.maxMessageSize(), "PIPELINING",
                "8BITMIME", "SMTPUTF8", "ENHANCEDSTATUSCODES", "CHUNKING", "BINARYMIME", "DSN"));
        if (config.startTlsOffered() && !session.tlsActive()) {
            keywords.add("STARTTLS");
        }
        boolean authUsable = session.tlsActive() || config.authAllowPlaintext();
        if (config.authenticator() != null && authUsable && !session.authenticated()) {
            keywords.add("AUTH " + SaslMechanism.ADVERTISED);
        }
        return keywords;
    }
}
