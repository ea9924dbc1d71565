package io.mailpipe.spf;

import java.util.Locale;

/**
 * The seven results of check_host() (RFC 7208 §2.6), with the keyword used in Received-SPF (§9.1) and in the
 * {@code spf=} method of Authentication-Results (RFC 8601 §2.7.2).
 */
public enum SpfOutcome {
    NONE, NEUTRAL, PASS, FAIL, SOFTFAIL, TEMPERROR, PERMERROR;

    /** The lower-case result keyword, such as {@code softfail}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome for a keyword, case-insensitively. */
    public static SpfOutcome fromKeyword(String keyword) {
        return valueOf(keyword.trim().toUpperCase(Locale.ROOT));
    }
}
