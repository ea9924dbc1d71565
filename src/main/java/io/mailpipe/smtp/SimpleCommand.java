package io.mailpipe.smtp;

import java.util.Set;

/**
 * A command whose argument needs no parsing: DATA, RSET, QUIT, STARTTLS (no argument), and NOOP, VRFY, EXPN, HELP
 * (free text, RFC 5321 §4.1.1.6 to §4.1.1.9). The argument is "" when none was given.
 */
public record SimpleCommand(Verb verb, String argument) implements SmtpCommand {

    /** The verbs represented by this record. */
    public static final Set<Verb> VERBS = Set.of(Verb.DATA, Verb.RSET, Verb.NOOP, Verb.QUIT, Verb.VRFY, Verb.EXPN,
            Verb.HELP, Verb.STARTTLS);

    public SimpleCommand {
        if (!VERBS.contains(verb)) {
            throw new IllegalArgumentException("not a simple verb: " + verb);
        }
        if (argument == null) {
            throw new IllegalArgumentException("argument must not be null; use \"\"");
        }
    }
}
