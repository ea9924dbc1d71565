package io.mailpipe.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailpipe.dns.DnsAnswer;
import io.mailpipe.dns.InMemoryResolver;
import io.mailpipe.dns.InMemoryZone;
import io.mailpipe.dns.MxRecord;
import io.mailpipe.dns.Resolver;
import io.mailpipe.dns.TxtRecord;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken input (RFC 7208 §11.1 DNS amplification, §11.5.3 macro expansion): every case ends in a
 * typed permerror or temperror, with the number of DNS queries bounded, never an exception or a hang.
 */
class SpfHostileInputTest {

    private static SpfResult check(InMemoryResolver resolver, String mailFrom) throws Exception {
        return SpfTestSupport.mailFrom(resolver, "192.0.2.1", mailFrom, "helo.example.net");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "v=spf1 ip4:192.0.2.1/33 -all", "v=spf1 ip4:192.0.2 -all", "v=spf1 ip4:192.0.02.1", "v=spf1 a:", "v=spf1 foo",
        "v=spf1 -all redirect=a.example redirect=b.example", "v=spf1 exp=a.example exp=b.example -all",
        "v=spf1 a:%{", "v=spf1 exists:%{z}.example.com", "v=spf1 a:foo.123 -all", "v=spf1 a:nodot -all",
        "v=spf1 ip6:::1::2 -all", "v=spf1 ip6:2001:db8::/129", "v=spf1 a/0128", "v=spf1 all:x", "v=spf1 include",
        "v=spf1 \u0000 -all", "v=spf1 ip4:192.0.2.1 \u00e9 -all", "v=spf1 exists:%{d0}.example.com",
        "v=spf1 a:%{c}.example.com", "v=spf1 1bad=x -all", "v=spf1 x=%{q} -all", "v=spf1 mx:%-%",
    })
    void malformedRecordsArePermerror(String record) throws Exception {
        InMemoryZone zone = new InMemoryZone().addTxt("bad.example.com", record).addA("foo.example.com", "192.0.2.1");
        SpfResult result = check(new InMemoryResolver(zone), "x@bad.example.com");
        assertEquals(SpfOutcome.PERMERROR, result.outcome(), record + " -> " + result);
    }

    @Test
    void includeLoopsStopAtTheTermLimit() throws Exception {
        InMemoryZone zone = new InMemoryZone()
                .addTxt("a.example.com", "v=spf1 include:b.example.com -all")
                .addTxt("b.example.com", "v=spf1 include:a.example.com -all")
                .addTxt("self.example.com", "v=spf1 include:%{d} -all")
                .addTxt("redirect.example.com", "v=spf1 redirect=redirect.example.com");
        for (String domain : new String[] {"a.example.com", "self.example.com", "redirect.example.com"}) {
            InMemoryResolver resolver = new InMemoryResolver(zone);
            SpfResult result = check(resolver, "x@" + domain);
            assertEquals(SpfOutcome.PERMERROR, result.outcome(), domain);
            assertTrue(result.problem().contains("DNS-querying terms"), result.problem());
            assertTrue(resolver.queryCount() <= 11, "queries " + resolver.queryCount());
        }
    }

    @Test
    void oversizedRecordsAreEvaluatedInBoundedWork() throws Exception {
        StringBuilder many = new StringBuilder("v=spf1");
        for (int i = 0; i < 5000; i++) {
            many.append(" ip4:198.51.").append(i % 250).append('.').append(i % 200);
        }
        String[] strings = many.append(" -all").toString().split("(?<=\\G.{255})");
        InMemoryZone zone = new InMemoryZone().addTxt("big.example.com", strings)
                .addTxt("junk.example.com", "v=spf1 " + "%".repeat(60_000));
        InMemoryResolver resolver = new InMemoryResolver(zone);
        assertEquals(SpfOutcome.FAIL, check(resolver, "x@big.example.com").outcome());
        assertEquals(SpfOutcome.PERMERROR, check(resolver, "x@junk.example.com").outcome());
        assertEquals(2, resolver.queryCount());
    }

    @Test
    void macroBombsAreCappedOrTruncated() throws Exception {
        String local = "l".repeat(5000);
        InMemoryZone zone = new InMemoryZone()
                .addTxt("bomb.example.com", "v=spf1 exists:" + "%{s}".repeat(400) + ".example.com -all")
                .addTxt("long.example.com", "v=spf1 exists:%{l}%{l}%{l}.example.com -all exp=exp.example.com")
                .addTxt("exp.example.com", "%{s} ".repeat(2000))
                .addTxt("digits.example.com", "v=spf1 exists:%{d99999999999999r}.%{o4294967296}.example.com -all");
        InMemoryResolver resolver = new InMemoryResolver(zone);
        SpfResult bomb = check(resolver, local + "@bomb.example.com");
        assertEquals(SpfOutcome.PERMERROR, bomb.outcome());
        assertTrue(bomb.problem().contains("macro"), bomb.problem());
        SpfResult truncated = check(resolver, "short@long.example.com");
        assertEquals(SpfOutcome.FAIL, truncated.outcome());
        assertEquals(SpfSettings.STANDARD_EXPLANATION.replace("%{i}", "192.0.2.1").replace("%{d}",
                "long.example.com"), truncated.explanation());
        assertEquals(SpfOutcome.FAIL, check(resolver, "x@digits.example.com").outcome());
    }

    @Test
    void hugeMxAndPtrAnswersAreCutAtTenNames() throws Exception {
        InMemoryZone zone = new InMemoryZone().addTxt("mx.example.com", "v=spf1 mx -all")
                .addTxt("ptr.example.com", "v=spf1 ptr -all");
        for (int i = 0; i < 500; i++) {
            zone.addMx("mx.example.com", i, "host" + i + ".example.com");
            zone.addPtr(InetAddress.getByName("192.0.2.1"), "host" + i + ".example.com");
            zone.addA("host" + i + ".example.com", "198.51.100.1");
        }
        InMemoryResolver resolver = new InMemoryResolver(zone);
        assertEquals(SpfOutcome.PERMERROR, check(resolver, "x@mx.example.com").outcome());
        assertEquals(2, resolver.queryCount());
        assertEquals(SpfOutcome.FAIL, check(resolver, "x@ptr.example.com").outcome());
        assertEquals(2 + 2 + 10, resolver.queryCount());
    }

    @Test
    void voidLookupsBeyondTwoArePermerror() throws Exception {
        InMemoryZone zone = new InMemoryZone().addTxt("void.example.com",
                "v=spf1 a:n1.example.com a:n2.example.com a:n3.example.com a:n4.example.com +all");
        SpfResult result = check(new InMemoryResolver(zone), "x@void.example.com");
        assertEquals(SpfOutcome.PERMERROR, result.outcome());
        assertTrue(result.problem().contains("void"), result.problem());
    }

    @Test
    void aFailingResolverGivesTemperrorNotAnException() throws Exception {
        Resolver broken = new Resolver() {
            @Override
            public CompletionStage<DnsAnswer<Inet4Address>> lookupA(String name) {
                throw new IllegalStateException("resolver bug");
            }

            @Override
            public CompletionStage<DnsAnswer<Inet6Address>> lookupAaaa(String name) {
                return CompletableFuture.failedFuture(new IllegalStateException("resolver bug"));
            }

            @Override
            public CompletionStage<DnsAnswer<MxRecord>> lookupMx(String name) {
                return CompletableFuture.failedFuture(new IllegalStateException("resolver bug"));
            }

            @Override
            public CompletionStage<DnsAnswer<TxtRecord>> lookupTxt(String name) {
                return CompletableFuture.completedFuture(DnsAnswer.found(
                        java.util.List.of(TxtRecord.of("v=spf1 a -all"))));
            }

            @Override
            public CompletionStage<DnsAnswer<String>> lookupPtr(InetAddress address) {
                return CompletableFuture.failedFuture(new IllegalStateException("resolver bug"));
            }
        };
        SpfResult result = new SpfChecker(broken, SpfTestSupport.settings())
                .checkMailFrom(new SpfRequest(InetAddress.getByName("192.0.2.1"), "x@example.com", "h.example"))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(SpfOutcome.TEMPERROR, result.outcome());
        assertTrue(result.problem().contains("resolver bug"), result.problem());
    }
}
