package io.mailpipe.spf;

/**
 * The result of one check_host() level before it becomes an {@link SpfResult}: the outcome (never an error; those
 * travel as {@link SpfAbort}), the domain whose record decided, the directive that matched, that record's
 * {@code exp} modifier (or {@code null}) and the explanation (RFC 7208 §4.6.2, §6.2), which stays empty until the
 * top level asks for it on a fail.
 */
record Verdict(SpfOutcome outcome, String domain, String mechanism, MacroString exp, String explanation) {

    Verdict(SpfOutcome outcome, String domain, String mechanism, MacroString exp) {
        this(outcome, domain, mechanism, exp, "");
    }

    static Verdict none(String domain) {
        return new Verdict(SpfOutcome.NONE, domain, "", null);
    }

    Verdict withExplanation(String text) {
        return new Verdict(outcome, domain, mechanism, exp, text);
    }
}
