package io.mailpipe.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The older openspf RFC 4408 suite (release 2009.10). Every case must be accepted, and the cases where the
 * result is an accepted alternative rather than the suite's preferred one are exactly the documented RFC 7208
 * changes below.
 */
class Rfc4408SuiteTest {

    /** Our outcome for a case and why RFC 7208 gives it instead of the RFC 4408 preferred result. */
    private record Difference(SpfOutcome outcome, String reason) {
    }

    private static final Map<String, Difference> RFC7208_DIFFERENCES = Map.of(
            "spfonly", new Difference(SpfOutcome.NONE,
                    "RFC 7208 §3.1/§4.4 dropped the SPF RR type; only TXT is queried and there is none"),
            "txttimeout", new Difference(SpfOutcome.TEMPERROR,
                    "the TXT query times out and RFC 7208 has no SPF RR to fall back on"),
            "spfoverride", new Difference(SpfOutcome.FAIL,
                    "the SPF RR says pass, but RFC 7208 reads only the TXT record, which says -all"),
            "multitxt1", new Difference(SpfOutcome.PERMERROR,
                    "two TXT SPF records (§4.5); the single SPF RR is not consulted"),
            "multispf2", new Difference(SpfOutcome.PASS,
                    "the duplicate records are SPF RRs, ignored; the one TXT record passes"),
            "invalid-domain-empty-label", new Difference(SpfOutcome.FAIL,
                    "the unqueryable a: target is a void lookup, then -all (§4.6.4)"),
            "invalid-domain-long", new Difference(SpfOutcome.FAIL,
                    "the over-long a: target matches nothing, then -all"),
            "invalid-domain-long-via-macro", new Difference(SpfOutcome.FAIL,
                    "the over-long expanded target matches nothing, then -all"),
            "exists-dnserr", new Difference(SpfOutcome.TEMPERROR,
                    "RFC 7208 §5 makes a DNS error in a mechanism temperror"),
            "mx-limit", new Difference(SpfOutcome.PERMERROR,
                    "RFC 7208 §4.6.4 makes more than 10 MX names a permerror"));

    @Test
    void everyCaseIsAcceptedAndAlternativesAreTheDocumentedRfc7208Changes() throws Exception {
        Map<String, SpfOutcome> alternatives = new TreeMap<>();
        Map<String, String> notAccepted = new TreeMap<>();
        int count = 0;
        for (SuiteScenario scenario : SuiteScenario.load("/spf/rfc4408-tests.yml")) {
            for (SuiteScenario.SuiteCase test : scenario.tests().values()) {
                count++;
                SpfResult result = SuiteRunner.run(scenario, test);
                if (!SuiteRunner.accepted(test, result)) {
                    notAccepted.put(test.name(), SuiteRunner.describe(test, result));
                } else if (result.outcome() != test.results().get(0)) {
                    alternatives.put(test.name(), result.outcome());
                }
            }
        }
        assertEquals(191, count);
        assertEquals(Map.of(), notAccepted);
        Map<String, SpfOutcome> documented = new TreeMap<>();
        RFC7208_DIFFERENCES.forEach((name, difference) -> documented.put(name, difference.outcome()));
        assertEquals(documented, alternatives);
    }
}
