package io.mailpipe.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailpipe.dns.DnsStatus;
import io.mailpipe.dns.InMemoryZone;
import org.junit.jupiter.api.Test;

/** RFC 7208 behaviour the openspf suite does not pin down: identities, exp macros c/r/t, result details. */
class SpfCheckerTest {

    private final InMemoryZone zone = new InMemoryZone()
            .addTxt("example.com", "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all exp=why.example.com")
            .addTxt("why.example.com", "%{c} rejected by %{r} at %{t} for %{d}")
            .addTxt("helo.example.net", "v=spf1 a -all")
            .addA("helo.example.net", "198.51.100.7")
            .addTxt("soft.example.org", "v=spf1 ~all")
            .addTxt("broken.example.org", "v=spf1 a:err.example.org -all")
            .failAll("err.example.org", DnsStatus.SERVFAIL);

    @Test
    void passReportsTheMatchingMechanismAndDomain() throws Exception {
        SpfResult result = SpfTestSupport.mailFrom(zone, "192.0.2.9", "alice@example.com", "x.example.net");
        assertEquals(SpfOutcome.PASS, result.outcome());
        assertEquals(SpfIdentity.MAILFROM, result.identity());
        assertEquals("ip4:192.0.2.0/24", result.mechanism());
        assertEquals("example.com", result.domain());
        assertEquals("", result.explanation());
    }

    @Test
    void failExplanationExpandsClientReceiverAndTime() throws Exception {
        SpfResult result = SpfTestSupport.mailFrom(zone, "2001:db9::1", "alice@example.com", "x.example.net");
        assertEquals(SpfOutcome.FAIL, result.outcome());
        assertEquals("2001:db9::1 rejected by mx.receiver.example at 1700000000 for example.com",
                result.explanation());
    }

    @Test
    void nullReversePathChecksPostmasterAtHelo() throws Exception {
        SpfResult pass = SpfTestSupport.mailFrom(zone, "198.51.100.7", "", "helo.example.net");
        assertEquals(SpfOutcome.PASS, pass.outcome());
        assertEquals(SpfIdentity.HELO, pass.identity());
        assertEquals("postmaster@helo.example.net", pass.sender());
        SpfResult fail = SpfTestSupport.helo(zone, "198.51.100.8", "helo.example.net");
        assertEquals(SpfOutcome.FAIL, fail.outcome());
    }

    @Test
    void heloThatIsNotADomainGivesNone() throws Exception {
        assertEquals(SpfOutcome.NONE, SpfTestSupport.helo(zone, "198.51.100.7", "[198.51.100.7]").outcome());
        assertEquals(SpfOutcome.NONE, SpfTestSupport.helo(zone, "198.51.100.7", "localhost").outcome());
    }

    @Test
    void dnsFailureInAMechanismIsTemperrorWithTheProblem() throws Exception {
        SpfResult result = SpfTestSupport.mailFrom(zone, "192.0.2.1", "bob@broken.example.org", "h.example");
        assertEquals(SpfOutcome.TEMPERROR, result.outcome());
        assertEquals(true, result.problem().contains("err.example.org"), result.problem());
    }

    @Test
    void receivedSpfFieldCarriesTheKeysOfSection9() throws Exception {
        SpfRequest request = new SpfRequest(java.net.InetAddress.getByName("192.0.2.9"), "alice@example.com",
                "x.example.net");
        SpfResult result = SpfTestSupport.mailFrom(zone, "192.0.2.9", "alice@example.com", "x.example.net");
        String field = ReceivedSpfField.build(result, request, "mx.receiver.example");
        assertEquals("Received-SPF: pass"
                + "\r\n\t(mx.receiver.example: domain of example.com designates the client as permitted sender)"
                + "\r\n\tclient-ip=192.0.2.9; envelope-from=alice@example.com; helo=x.example.net;"
                + "\r\n\treceiver=mx.receiver.example; identity=mailfrom; mechanism=ip4:192.0.2.0/24;\r\n",
                field);
        assertEquals("spf=pass smtp.mailfrom=example.com", SpfAuthenticationResults.clause(result, request));
    }

    @Test
    void authenticationResultsForHeloAndErrors() throws Exception {
        SpfRequest request = new SpfRequest(java.net.InetAddress.getByName("192.0.2.1"), "", "helo.example.net");
        SpfResult result = SpfTestSupport.mailFrom(zone, "192.0.2.1", "", "helo.example.net");
        assertEquals("Authentication-Results: mx.receiver.example;\r\n\tspf=fail smtp.helo=helo.example.net\r\n",
                SpfAuthenticationResults.field("mx.receiver.example", result, request));
        SpfResult error = SpfTestSupport.mailFrom(zone, "192.0.2.1", "bob@broken.example.org", "h.example");
        assertEquals(true, SpfAuthenticationResults.clause(error, request)
                .startsWith("spf=temperror (DNS SERVFAIL for err.example.org"));
    }
}
