package io.mailpipe.spf;

/**
 * The result of one check_host() level before it becomes an {@link SpfResult}: the outcome (never an error; those
 * travel as {@link SpfAbort}), the domain whose record decided, the directive that matched and the explanation
 * (RFC 7208 §4.6.2, §6.2).
 */
record Verdict(SpfOutcome outcome, String domain, String mechanism, String explanation) {

    static Verdict none(String domain) {
        return new Verdict(SpfOutcome.NONE, domain, "", "");
    }
}
