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

    /** Case name -> (our outcome, why RFC 7208 gives it instead of the RFC 4408 preferred result). */
    private static final Map<String, String> RFC7208_DIFFERENCES = Map.of(
            "spfonly", "NONE: RFC 7208 §3.1/§4.4 dropped the SPF RR type; only TXT is queried and there is none",
            "txttimeout", "TEMPERROR: the TXT query times out and RFC 7208 has no SPF RR to fall back on",
            "spfoverride", "FAIL: the SPF RR says pass, but RFC 7208 reads only the TXT record, which says -all",
            "multitxt1", "PERMERROR: two TXT SPF records (§4.5); the single SPF RR is not consulted",
            "multispf2", "PASS: the duplicate records are SPF RRs, ignored; the one TXT record passes",
            "invalid-domain-empty-label", "FAIL: the unqueryable a: target is a void lookup, then -all (§4.6.4)",
            "invalid-domain-long", "FAIL: the over-long a: target matches nothing, then -all",
            "invalid-domain-long-via-macro", "FAIL: the over-long expanded target matches nothing, then -all",
            "exists-dnserr", "TEMPERROR: RFC 7208 §5 makes a DNS error in a mechanism temperror",
            "mx-limit", "PERMERROR: RFC 7208 §4.6.4 makes more than 10 MX names a permerror");

    @Test
    void everyCaseIsAcceptedAndAlternativesAreTheDocumentedRfc7208Changes() throws Exception {
        Map<String, String> alternatives = new TreeMap<>();
        int count = 0;
        for (SuiteScenario scenario : SuiteScenario.load("/spf/rfc4408-tests.yml")) {
            for (SuiteScenario.SuiteCase test : scenario.tests().values()) {
                count++;
                SpfResult result = SuiteRunner.run(scenario, test);
                if (!SuiteRunner.accepted(test, result)) {
                    alternatives.put(test.name(), "NOT ACCEPTED " + SuiteRunner.describe(test, result));
                } else if (result.outcome() != test.results().get(0)) {
                    alternatives.put(test.name(), result.outcome() + ": "
                            + RFC7208_DIFFERENCES.getOrDefault(test.name(), "undocumented"));
                }
            }
        }
        assertEquals(191, count);
        assertEquals(new TreeMap<>(RFC7208_DIFFERENCES), alternatives);
    }
}
