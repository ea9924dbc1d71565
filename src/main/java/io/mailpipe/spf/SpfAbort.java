package io.mailpipe.spf;

import java.util.concurrent.CompletionException;

/**
 * Ends a whole check_host() evaluation with temperror or permerror from any depth of include/redirect recursion
 * (RFC 7208 §5.2 table, §4.6.4 limits, §5 DNS errors). Used only inside the evaluator and turned into an
 * {@link SpfResult} at the top; carries no stack trace.
 */
final class SpfAbort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final SpfOutcome outcome;

    private SpfAbort(SpfOutcome outcome, String problem) {
        super(problem, null, false, false);
        this.outcome = outcome;
    }

    static SpfAbort permerror(String problem) {
        return new SpfAbort(SpfOutcome.PERMERROR, problem);
    }

    static SpfAbort temperror(String problem) {
        return new SpfAbort(SpfOutcome.TEMPERROR, problem);
    }

    SpfOutcome outcome() {
        return outcome;
    }

    /** The abort inside a failed stage's exception, or {@code null} if the failure is something else. */
    static SpfAbort find(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof SpfAbort abort ? abort : null;
    }
}
