package io.mailpipe.smtp.server.command;

import io.mailpipe.smtp.SmtpReplies;
import io.mailpipe.smtp.SmtpReply;
import io.mailpipe.smtp.Verb;
import io.mailpipe.smtp.server.SmtpServerConfig;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.mailpipe.smtp.server.command.SessionState.BDAT;
import static io.mailpipe.smtp.server.command.SessionState.CONNECTED;
import static io.mailpipe.smtp.server.command.SessionState.GREETED;
import static io.mailpipe.smtp.server.command.SessionState.MAIL;
import static io.mailpipe.smtp.server.command.SessionState.RCPT;

/**
 * The verb table (in the manner of Postfix's smtpd_cmd_table): one {@link CommandRule} per {@link Verb}, built once
 * per server from its configuration. Pipelining follows RFC 2920 §3.1 (EHLO, DATA, VRFY, EXPN, QUIT, NOOP end a
 * group; STARTTLS and AUTH need a round trip); BDAT is accepted in every state because its chunk follows whatever
 * the reply (RFC 3030 §2), so its handler checks the sequence itself.
 */
public final class CommandTable {

    private static final Set<SessionState> ANY = EnumSet.allOf(SessionState.class);
    private static final Set<SessionState> OUTSIDE_CHUNKING = EnumSet.of(CONNECTED, GREETED, MAIL, RCPT);
    private static final Set<SessionState> GREETED_ONLY = EnumSet.of(GREETED);

    private final Map<Verb, CommandRule> rules = new EnumMap<>(Verb.class);

    public CommandTable(SmtpServerConfig config) {
        CommandHandler notImplemented = (command, session) -> session.reply(SmtpReplies.NOT_IMPLEMENTED);
        SmtpReply mailWithoutTls = config.requireTls() ? SmtpReplies.TLS_REQUIRED : null;
        SmtpReply authWithoutTls = config.authAllowPlaintext() ? null : SmtpReplies.ENCRYPTION_REQUIRED;
        boolean authOffered = config.authenticator() != null;

        add(Verb.HELO, OUTSIDE_CHUNKING, null, false, false, new HeloHandler());
        add(Verb.EHLO, OUTSIDE_CHUNKING, null, false, false, new EhloHandler());
        add(Verb.MAIL, GREETED_ONLY, mailWithoutTls, config.requireAuth(), true, new MailHandler());
        add(Verb.RCPT, EnumSet.of(MAIL, RCPT), null, false, true, new RcptHandler());
        add(Verb.DATA, EnumSet.of(RCPT, BDAT), null, false, false, new DataHandler());
        add(Verb.BDAT, ANY, null, false, true, new BdatHandler());
        add(Verb.RSET, ANY, null, false, true, new RsetHandler());
        add(Verb.NOOP, ANY, null, false, false, (command, session) -> session.reply(SmtpReplies.OK));
        add(Verb.QUIT, ANY, null, false, false, (command, session) -> session.close(SmtpReplies.CLOSING));
        add(Verb.VRFY, OUTSIDE_CHUNKING, null, false, false,
                (command, session) -> session.reply(SmtpReplies.CANNOT_VRFY));
        add(Verb.EXPN, OUTSIDE_CHUNKING, null, false, false, notImplemented);
        add(Verb.HELP, OUTSIDE_CHUNKING, null, false, false, (command, session) -> session.reply(SmtpReplies.HELP));
        add(Verb.STARTTLS, EnumSet.of(CONNECTED, GREETED), null, false, false,
                config.startTlsOffered() ? new StartTlsHandler() : notImplemented);
        add(Verb.AUTH, GREETED_ONLY, authOffered ? authWithoutTls : null, false, false,
                authOffered ? new AuthHandler() : notImplemented);
    }

    /** The rule for a verb; every verb of {@link Verb} has one. */
    public CommandRule rule(Verb verb) {
        return rules.get(verb);
    }

    private void add(Verb verb, Set<SessionState> states, SmtpReply withoutTls, boolean requiresAuth,
                     boolean pipelinable, CommandHandler handler) {
        rules.put(verb, new CommandRule(verb, states, withoutTls, requiresAuth, pipelinable, handler));
    }
}
