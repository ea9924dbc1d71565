package io.mailpipe.spf;

/** The directive qualifiers of RFC 7208 §4.6.2 and the result each one gives when its mechanism matches. */
enum SpfQualifier {
    PASS('+', SpfOutcome.PASS),
    FAIL('-', SpfOutcome.FAIL),
    SOFTFAIL('~', SpfOutcome.SOFTFAIL),
    NEUTRAL('?', SpfOutcome.NEUTRAL);

    private final char symbol;
    private final SpfOutcome outcome;

    SpfQualifier(char symbol, SpfOutcome outcome) {
        this.symbol = symbol;
        this.outcome = outcome;
    }

    SpfOutcome outcome() {
        return outcome;
    }

    /** The qualifier for a symbol, or {@code null} if the character is not one. */
    static SpfQualifier of(char c) {
        for (SpfQualifier q : values()) {
            if (q.symbol == c) {
                return q;
            }
        }
        return null;
    }
}
