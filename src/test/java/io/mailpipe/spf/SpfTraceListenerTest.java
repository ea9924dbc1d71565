package io.mailpipe.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailpipe.dns.InMemoryResolver;
import io.mailpipe.dns.InMemoryZone;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The optional trace of an evaluation: check_host() entries for the domain, include and redirect targets (RFC 7208
 * §4, §5.2, §6.1), every directive with whether it matched, in evaluation order; and the same result as without it.
 */
class SpfTraceListenerTest {

    private final InMemoryZone zone = new InMemoryZone()
            .addTxt("example.com", "v=spf1 -ip4:192.0.2.66 include:partner.example.net redirect=_spf.example.com")
            .addTxt("partner.example.net", "v=spf1 a -all")
            .addA("partner.example.net", "198.51.100.1")
            .addTxt("_spf.example.com", "v=spf1 ip4:192.0.2.0/24 ~all");

    @Test
    void everyStepIsReportedInOrderAndTheResultIsUnchanged() throws Exception {
        List<String> events = new ArrayList<>();
        SpfTraceListener listener = new SpfTraceListener() {
            @Override
            public void checkHost(String domain) {
                events.add("check_host " + domain);
            }

            @Override
            public void directive(String domain, String directive, boolean matched) {
                events.add(domain + " " + directive + (matched ? " matched" : " no"));
            }

            @Override
            public void redirect(String domain, String target) {
                events.add("redirect " + domain + " -> " + target);
            }
        };
        SpfRequest request = new SpfRequest(InetAddress.getByName("192.0.2.7"), "a@example.com", "mx.example.com");

        SpfResult traced = new SpfChecker(new InMemoryResolver(zone), SpfTestSupport.settings(), listener)
                .checkMailFrom(request).toCompletableFuture().get(10, TimeUnit.SECONDS);
        SpfResult plain = new SpfChecker(new InMemoryResolver(zone), SpfTestSupport.settings())
                .checkMailFrom(request).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertEquals(List.of(
                "check_host example.com",
                "example.com -ip4:192.0.2.66 no",
                "check_host partner.example.net",
                "partner.example.net a no",
                "partner.example.net -all matched",
                "example.com include:partner.example.net no",
                "redirect example.com -> _spf.example.com",
                "check_host _spf.example.com",
                "_spf.example.com ip4:192.0.2.0/24 matched"), events);
        assertEquals(SpfOutcome.PASS, traced.outcome());
        assertEquals(plain, traced);
    }
}
