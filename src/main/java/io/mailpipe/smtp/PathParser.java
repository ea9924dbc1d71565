package io.mailpipe.smtp;

import java.util.Locale;
import java.util.Optional;

/**
 * Reverse-path and forward-path syntax (RFC 5321 §4.1.2): "<" [ A-d-l ":" ] Mailbox ">", the null reverse-path
 * "<>" (MAIL only) and "<Postmaster>" without a domain (RCPT only, §4.1.1.3). Source routes are checked and
 * dropped, as §4.1.1.3 and Appendix C allow. Splits a MAIL/RCPT argument into the path and the parameter text.
 */
final class PathParser {

    /** A path found in a command argument: the text between the brackets and whatever follows the ">". */
    record Split(String inner, String rest) {
    }

    private static final String POSTMASTER = "postmaster";

    private PathParser() {
    }

    /**
     * Finds "<...>" at the start of {@code text}; a ">" inside a quoted local part does not close the path.
     * The rest must be empty or start with a space.
     */
    static Optional<Split> split(String text) {
        if (!text.startsWith("<")) {
            return Optional.empty();
        }
        boolean quoted = false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '>' && !quoted) {
                String rest = text.substring(i + 1);
                return rest.isEmpty() || rest.startsWith(" ")
                        ? Optional.of(new Split(text.substring(1, i), rest.strip()))
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The canonical reverse-path for MAIL: "" for the null path, else the mailbox without source route. */
    static Optional<String> reversePath(String inner) {
        return inner.isEmpty() ? Optional.of("") : withoutSourceRoute(inner).flatMap(Mailboxes::canonicalMailbox);
    }

    /** The canonical forward-path for RCPT; "<Postmaster>" in any case is kept as sent. */
    static Optional<String> forwardPath(String inner) {
        if (inner.toLowerCase(Locale.ROOT).equals(POSTMASTER)) {
            return Optional.of(inner);
        }
        return withoutSourceRoute(inner).flatMap(Mailboxes::canonicalMailbox);
    }

    /** Drops a valid A-d-l ("@one.example,@two.example:"), or returns the path unchanged when there is none. */
    private static Optional<String> withoutSourceRoute(String path) {
        if (!path.startsWith("@")) {
            return Optional.of(path);
        }
        int colon = path.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        for (String atDomain : path.substring(0, colon).split(",", -1)) {
            if (!atDomain.startsWith("@") || !Mailboxes.isValidDomain(atDomain.substring(1))) {
                return Optional.empty();
            }
        }
        return Optional.of(path.substring(colon + 1));
    }
}
