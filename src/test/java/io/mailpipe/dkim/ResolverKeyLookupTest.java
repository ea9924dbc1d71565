package io.mailpipe.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailpipe.dns.DnsStatus;
import io.mailpipe.dns.InMemoryResolver;
import io.mailpipe.dns.InMemoryZone;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Key lookups over the shared resolver map DNS outcomes to key results (RFC 6376 §3.6.2.2, §6.1.2). */
class ResolverKeyLookupTest {

    private static KeyLookupResult lookup(InMemoryZone zone, String selector, String domain) {
        return new ResolverKeyLookup(new InMemoryResolver(zone)).lookup(selector, domain).toCompletableFuture().join();
    }

    @Test
    void joinsTxtStringsAndMapsDnsOutcomes() {
        InMemoryZone zone = new InMemoryZone()
                .addTxt("s._domainkey.example.com", "v=DKIM1; k=ed25519; ", "p=abc")
                .addName("nodata._domainkey.example.com");
        zone.fail("down._domainkey.example.com", InMemoryZone.Type.TXT, DnsStatus.SERVFAIL);
        zone.fail("slow._domainkey.example.com", InMemoryZone.Type.TXT, DnsStatus.TIMEOUT);
        assertEquals(List.of("v=DKIM1; k=ed25519; p=abc"), lookup(zone, "s", "example.com").records());
        assertEquals(KeyLookupResult.Kind.NONE, lookup(zone, "absent", "example.com").kind());
        assertEquals(KeyLookupResult.Kind.NONE, lookup(zone, "nodata", "example.com").kind());
        assertEquals(KeyLookupResult.Kind.TEMPORARY_FAILURE, lookup(zone, "down", "example.com").kind());
        assertEquals(KeyLookupResult.Kind.TEMPORARY_FAILURE, lookup(zone, "slow", "example.com").kind());
    }

    @Test
    void verifiesThroughTheResolver() {
        InMemoryZone zone = new InMemoryZone();
        for (String line : TestResources.text("rfc8463-appendix-a/dns-records.txt").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.strip().split("\\s+", 2);
                zone.addTxt(parts[0], parts[1]);
            }
        }
        DkimVerifier verifier = new DkimVerifier(new ResolverKeyLookup(new InMemoryResolver(zone)));
        assertEquals(List.of(DkimStatus.PASS, DkimStatus.PASS), verifier.verify(TestResources.bytes(
                "rfc8463-appendix-a/signed-message.eml")).toCompletableFuture().join().results().stream()
                .map(DkimResult::status).toList());
    }
}
