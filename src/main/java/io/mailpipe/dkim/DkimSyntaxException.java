package io.mailpipe.dkim;

/**
 * A DKIM-Signature field or key record that breaks the RFC 6376 §3.2, §3.5 or §3.6.1 syntax or semantics; the
 * verifier turns it into a permerror result carrying {@link #problem()}.
 */
public final class DkimSyntaxException extends Exception {

    /** What is wrong, so callers can react without parsing messages. */
    public enum Problem {
        MALFORMED_TAG_LIST,
        DUPLICATE_TAG,
        MISSING_TAG,
        BAD_VERSION,
        UNKNOWN_ALGORITHM,
        BAD_CANONICALIZATION,
        BAD_QUERY_METHOD,
        BAD_BASE64,
        BAD_DOMAIN,
        BAD_SELECTOR,
        IDENTITY_NOT_IN_DOMAIN,
        FROM_NOT_SIGNED,
        BAD_NUMBER,
        EXPIRY_BEFORE_TIMESTAMP,
        BAD_KEY
    }

    private final Problem problem;

    public DkimSyntaxException(Problem problem, String detail) {
        super(detail);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
