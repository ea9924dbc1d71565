package io.mailpipe.spf;

import java.util.Objects;

/**
 * The result of an SPF check (RFC 7208 §2.6): the outcome, the identity checked and its value (the sender address
 * or {@code postmaster@helo}), the domain whose policy decided, the explanation for {@code fail} (§6.2, empty
 * otherwise), the directive that matched (empty when none did) and, for errors, what went wrong.
 */
public record SpfResult(SpfOutcome outcome, SpfIdentity identity, String sender, String domain,
        String explanation, String mechanism, String problem) {

    public SpfResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(identity, "identity");
        sender = Objects.requireNonNullElse(sender, "");
        domain = Objects.requireNonNullElse(domain, "");
        explanation = Objects.requireNonNullElse(explanation, "");
        mechanism = Objects.requireNonNullElse(mechanism, "");
        problem = Objects.requireNonNullElse(problem, "");
    }

    /** A one-line human summary, used as the comment of Received-SPF. */
    public String comment() {
        StringBuilder out = new StringBuilder();
        out.append("domain of ").append(domain.isEmpty() ? sender : domain);
        switch (outcome) {
            case PASS -> out.append(" designates the client as permitted sender");
            case FAIL -> out.append(" does not designate the client as permitted sender");
            case SOFTFAIL -> out.append(" does not designate the client as permitted sender (softfail)");
            case NEUTRAL -> out.append(" makes no assertion about the client");
            case NONE -> out.append(" publishes no SPF policy");
            case TEMPERROR, PERMERROR -> out.append(": ").append(problem);
            default -> throw new IllegalStateException("unknown outcome " + outcome);
        }
        return out.toString();
    }
}
