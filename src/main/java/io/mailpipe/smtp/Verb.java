package io.mailpipe.smtp;

import java.util.Locale;
import java.util.Optional;

/**
 * The SMTP verbs the server understands: RFC 5321 §4.1.1, BDAT (RFC 3030 §2), STARTTLS (RFC 3207 §4) and
 * AUTH (RFC 4954 §4). Verbs are case-insensitive (RFC 5321 §2.4).
 */
public enum Verb {
    HELO, EHLO, MAIL, RCPT, DATA, BDAT, RSET, NOOP, QUIT, VRFY, EXPN, HELP, STARTTLS, AUTH;

    /** The verb named by {@code word} in any letter case, or empty if it names none. */
    public static Optional<Verb> lookup(String word) {
        if (word.isEmpty() || word.length() > 8 || !word.chars().allMatch(c -> c < 128 && Character.isLetter(c))) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(word.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
