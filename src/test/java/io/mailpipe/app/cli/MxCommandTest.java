package io.mailpipe.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailpipe.dns.DnsStatus;
import io.mailpipe.dns.InMemoryResolver;
import io.mailpipe.dns.InMemoryZone;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code mailpipe mx} over an in-memory zone: the plan of MxRouter, the decisions and the exit statuses. */
class MxCommandTest {

    private final InMemoryZone zone = new InMemoryZone();

    private CliRun mx(String... args) {
        List<String> all = new ArrayList<>(List.of("mx"));
        all.addAll(List.of(args));
        return CliRun.runWith(streams -> List.of(new MxCommand(streams, new InMemoryResolver(zone))), new byte[0],
                all.toArray(String[]::new));
    }

    private static List<String> hosts(JsonNode plan) {
        List<String> hosts = new ArrayList<>();
        plan.get("hosts").forEach(host -> hosts.add(host.get("host").asText() + "/"
                + host.path("preference").asText("-") + "/" + host.get("addresses")));
        return hosts;
    }

    @Test
    void mxHostsComeInPreferenceOrderWithTheirAddresses() throws Exception {
        zone.addMx("example.test", 20, "backup.example.test").addMx("example.test", 10, "mx.example.test")
                .addA("mx.example.test", "192.0.2.10").addAaaa("mx.example.test", "2001:db8::10")
                .addA("backup.example.test", "192.0.2.20");

        CliRun run = mx("example.test", "--json");

        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        JsonNode plan = run.json();
        assertEquals("mx", plan.get("decision").asText());
        assertEquals("opportunistic", plan.get("tlsPolicy").asText());
        assertEquals(List.of("mx.example.test/10/[\"192.0.2.10\",\"2001:db8:0:0:0:0:0:10\"]",
                "backup.example.test/20/[\"192.0.2.20\"]"), hosts(plan));
        assertFalse(plan.has("failure"), plan.toString());
    }

    @Test
    void textOutputNumbersTheHostsInTheOrderTried() {
        zone.addMx("example.test", 5, "b.example.test").addMx("example.test", 1, "a.example.test")
                .addA("a.example.test", "192.0.2.1").addA("b.example.test", "192.0.2.2");

        CliRun run = mx("Example.Test.");

        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        String out = run.out();
        assertTrue(out.contains("domain: example.test"), out);
        assertTrue(out.indexOf("1. a.example.test (preference 1) port 25") < out.indexOf(
                "2. b.example.test (preference 5) port 25"), out);
        assertTrue(out.indexOf("1. a.example.test") >= 0 && out.contains("     192.0.2.2"), out);
    }

    @Test
    void aDomainWithoutMxRecordsIsItsOwnImplicitMx() throws Exception {
        zone.addA("plain.test", "192.0.2.30");

        CliRun run = mx("plain.test", "--json");

        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        JsonNode plan = run.json();
        assertEquals("implicit-mx", plan.get("decision").asText());
        assertEquals(List.of("plain.test/-/[\"192.0.2.30\"]"), hosts(plan));
    }

    @Test
    void aNullMxFailsPermanentlyWith5110() throws Exception {
        zone.addMx("nomail.test", 0, ".");

        CliRun run = mx("nomail.test", "--json");

        assertEquals(ExitCodes.NEGATIVE, run.exitCode(), run.toString());
        JsonNode plan = run.json();
        assertEquals("null-mx", plan.get("decision").asText());
        assertEquals(556, plan.get("failure").get("code").asInt());
        assertEquals("5.1.10", plan.get("failure").get("enhancedStatus").asText());
        assertFalse(plan.get("failure").get("temporary").asBoolean());
        assertFalse(plan.has("hosts"), plan.toString());
    }

    @Test
    void aDomainThatDoesNotExistFailsPermanentlyWith512() throws Exception {
        CliRun run = mx("missing.test", "--json");

        assertEquals(ExitCodes.NEGATIVE, run.exitCode(), run.toString());
        JsonNode plan = run.json();
        assertEquals("nxdomain", plan.get("decision").asText());
        assertEquals("5.1.2", plan.get("failure").get("enhancedStatus").asText());
    }

    @Test
    void mxHostsWithoutAddressesFailPermanentlyWith544() throws Exception {
        zone.addMx("broken.test", 10, "gone.broken.test").addName("gone.broken.test");

        CliRun run = mx("broken.test");

        assertEquals(ExitCodes.NEGATIVE, run.exitCode(), run.toString());
        assertTrue(run.out().contains("not tried (no address or over the limit): gone.broken.test"), run.out());
        assertTrue(run.out().contains("bounced: 550 5.4.4"), run.out());
    }

    @Test
    void aServfailIsATemporaryFailureWith443() throws Exception {
        zone.fail("flaky.test", InMemoryZone.Type.MX, DnsStatus.SERVFAIL);

        CliRun run = mx("flaky.test", "--json");

        assertEquals(ExitCodes.TEMPORARY, run.exitCode(), run.toString());
        JsonNode plan = run.json();
        assertEquals("temporary-failure", plan.get("decision").asText());
        assertEquals(451, plan.get("failure").get("code").asInt());
        assertEquals("4.4.3", plan.get("failure").get("enhancedStatus").asText());
        assertTrue(plan.get("failure").get("temporary").asBoolean());
    }

    @Test
    void theTlsPolicyOfTheDomainIsShown() throws Exception {
        zone.addMx("secure.test", 10, "mx.secure.test").addA("mx.secure.test", "192.0.2.40");

        JsonNode perDomain = mx("secure.test", "--tls-policies", "secure.test=required-verify,other.test=none",
                "--json").json();
        JsonNode byDefault = mx("secure.test", "--tls-policy", "required", "--json").json();

        assertEquals("required-verify", perDomain.get("tlsPolicy").asText());
        assertEquals("required", byDefault.get("tlsPolicy").asText());
    }

    @Test
    void anUnknownTlsPolicyIsAUsageError() {
        CliRun run = mx("secure.test", "--tls-policy", "sometimes");

        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains("--tls-policy"), run.stderr());
    }

    @Test
    void anAddressLiteralIsUsedAsItIs() throws Exception {
        CliRun run = mx("[192.0.2.50]", "--json");

        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        JsonNode plan = run.json();
        assertEquals("address-literal", plan.get("decision").asText());
        assertEquals(List.of("[192.0.2.50]/-/[\"192.0.2.50\"]"), hosts(plan));
    }
}
