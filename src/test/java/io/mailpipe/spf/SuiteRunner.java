package io.mailpipe.spf;

import io.mailpipe.dns.InMemoryResolver;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * Runs one case of an openspf suite through {@link SpfChecker} on an {@link InMemoryResolver} built from the
 * scenario's zone data, with the receiver default explanation set to the literal {@code DEFAULT} as the suite
 * expects, and says whether the outcome (and explanation, where given) is accepted.
 */
final class SuiteRunner {

    private SuiteRunner() {
    }

    static SpfResult run(SuiteScenario scenario, SuiteScenario.SuiteCase test) throws Exception {
        SpfSettings settings = SpfSettings.defaults().withDefaultExplanation("DEFAULT")
                .withClock(Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC));
        SpfChecker checker = new SpfChecker(new InMemoryResolver(scenario.zone()), settings);
        SpfRequest request = new SpfRequest(InetAddress.getByName(test.host()), test.mailFrom(), test.helo());
        return checker.checkMailFrom(request).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /**
     * Outcome in the accepted list, and the explanation equal where the suite gives one. Explanations compare
     * case-insensitively: the suite writes the IPv6 nibbles of {@code %{ir}} in upper case, while RFC 7208 §7.3's
     * own example expands them in lower case; both denote the same DNS name.
     */
    static boolean accepted(SuiteScenario.SuiteCase test, SpfResult result) {
        if (!test.results().contains(result.outcome())) {
            return false;
        }
        return test.explanation() == null || test.explanation().equalsIgnoreCase(result.explanation());
    }

    static String describe(SuiteScenario.SuiteCase test, SpfResult result) {
        return test.name() + ": expected " + test.results() + (test.explanation() == null ? ""
                : " explanation '" + test.explanation() + "'") + ", got " + result.outcome() + " explanation '"
                + result.explanation() + "' problem '" + result.problem() + "' mechanism '" + result.mechanism()
                + "'";
    }
}
