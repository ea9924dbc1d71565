package io.mailpipe.spf;

/** A record or macro string that breaks the ABNF of RFC 7208 §4.6.1, §5, §6 or §7.1; check_host() gives permerror. */
final class SpfSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    SpfSyntaxException(String message) {
        super(message, null, false, false);
    }
}
