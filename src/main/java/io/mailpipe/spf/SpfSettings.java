package io.mailpipe.spf;

import java.time.Clock;
import java.util.Objects;

/**
 * Receiver-side settings of the SPF evaluator: the receiving host name for the {@code %{r}} macro (RFC 7208 §7.2),
 * the default explanation used when a failing policy gives none (§6.2, a macro-string of its own), the processing
 * limits of §4.6.4 (10 DNS-querying terms, 2 void lookups, 10 MX or PTR names per lookup), a cap on the length of
 * any single macro expansion (hostile-macro guard, §11.5.3), and the clock for {@code %{t}}.
 */
public record SpfSettings(String receiver, String defaultExplanation, int maxDnsTerms, int maxVoidLookups,
        int maxNamesPerLookup, int maxExpansionLength, Clock clock) {

    /** A short neutral text, since the openspf.org page RFC 7208 examples point at no longer exists. */
    public static final String STANDARD_EXPLANATION = "%{i} is not one of %{d}'s designated mail servers";

    public SpfSettings {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(defaultExplanation, "defaultExplanation");
        Objects.requireNonNull(clock, "clock");
        if (maxDnsTerms < 1 || maxVoidLookups < 0 || maxNamesPerLookup < 1 || maxExpansionLength < 253) {
            throw new IllegalArgumentException("SPF limits out of range");
        }
    }

    /** The limits recommended by RFC 7208 §4.6.4, receiver name "unknown" and the system clock. */
    public static SpfSettings defaults() {
        return new SpfSettings("unknown", STANDARD_EXPLANATION, 10, 2, 10, 8192, Clock.systemUTC());
    }

    public SpfSettings withReceiver(String name) {
        return new SpfSettings(name, defaultExplanation, maxDnsTerms, maxVoidLookups, maxNamesPerLookup,
                maxExpansionLength, clock);
    }

    public SpfSettings withDefaultExplanation(String text) {
        return new SpfSettings(receiver, text, maxDnsTerms, maxVoidLookups, maxNamesPerLookup,
                maxExpansionLength, clock);
    }

    public SpfSettings withClock(Clock newClock) {
        return new SpfSettings(receiver, defaultExplanation, maxDnsTerms, maxVoidLookups, maxNamesPerLookup,
                maxExpansionLength, newClock);
    }
}
