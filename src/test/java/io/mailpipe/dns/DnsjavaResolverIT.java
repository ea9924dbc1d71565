package io.mailpipe.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailpipe.spf.SpfChecker;
import io.mailpipe.spf.SpfOutcome;
import io.mailpipe.spf.SpfRequest;
import io.mailpipe.spf.SpfResult;
import io.mailpipe.spf.SpfSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link DnsjavaResolver} against a real unbound on 127.0.0.1: UDP answers of every type, CNAME chains, a TXT
 * answer too big for 512-octet UDP that needs the TCP retry, NXDOMAIN, NODATA, SERVFAIL (unbound forwarding to a
 * server that fails) and a timeout (a socket that never answers), and the TTL cache answering after the server
 * is gone; and an SPF check end to end over it.
 */
class DnsjavaResolverIT {

    private static final String ZONE = "mailpipe.test.";
    private static LoopbackDnsStub failingUpstream;
    private static UnboundServer unbound;

    static List<String> zoneData() {
        List<String> lines = new ArrayList<>(List.of(
                "local-zone: \"" + ZONE + "\" static",
                "local-data: \"" + ZONE + " 3600 IN SOA ns." + ZONE + " admin." + ZONE + " 1 3600 600 86400 300\"",
                "local-data: \"a." + ZONE + " 300 IN A 192.0.2.1\"",
                "local-data: \"a." + ZONE + " 300 IN AAAA 2001:db8::1\"",
                "local-data: \"alias." + ZONE + " 300 IN CNAME alias2." + ZONE + "\"",
                "local-data: \"alias2." + ZONE + " 300 IN CNAME a." + ZONE + "\"",
                "local-data: \"" + ZONE + " 300 IN MX 10 a." + ZONE + "\"",
                "local-data: \"" + ZONE + " 300 IN MX 20 b." + ZONE + "\"",
                "local-data: '" + ZONE + " 300 IN TXT \"v=spf1 \" \"a:a.mailpipe.test -all\"'",
                "local-data-ptr: \"192.0.2.1 a." + ZONE + "\""));
        StringBuilder big = new StringBuilder("local-data: 'big." + ZONE + " 300 IN TXT");
        for (char c = 'a'; c < 'f'; c++) {
            big.append(" \"").append(String.valueOf(c).repeat(200)).append('"');
        }
        lines.add(big.append("'").toString());
        return lines;
    }

    @BeforeAll
    static void startServers() throws Exception {
        failingUpstream = LoopbackDnsStub.servfail();
        unbound = UnboundServer.start(zoneData(), List.of("forward-zone:", "  name: \"dead.example.\"",
                "  forward-addr: 127.0.0.1@" + failingUpstream.port(), "  forward-no-cache: yes"));
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (unbound != null) {
            unbound.close();
        }
        if (failingUpstream != null) {
            failingUpstream.close();
        }
    }

    private static DnsjavaResolver resolver(InetSocketAddress server, int ednsPayload) {
        return new DnsjavaResolver(DnsjavaResolverSettings.defaults().withServers(List.of(server))
                .withTimeout(Duration.ofSeconds(2), 1).withEdnsPayloadSize(ednsPayload));
    }

    private static <T> DnsAnswer<T> get(java.util.concurrent.CompletionStage<DnsAnswer<T>> stage) throws Exception {
        return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void answersEachTypeOverUdp() throws Exception {
        DnsjavaResolver resolver = resolver(unbound.address(), 1232);
        assertEquals(List.of(InetAddress.getByName("192.0.2.1")), get(resolver.lookupA("a.mailpipe.test")).records());
        assertEquals(List.of(InetAddress.getByName("2001:db8::1")),
                get(resolver.lookupAaaa("A.MailPipe.test.")).records());
        assertEquals(List.of(new MxRecord(10, "a.mailpipe.test"), new MxRecord(20, "b.mailpipe.test")),
                get(resolver.lookupMx("mailpipe.test")).records().stream()
                        .sorted(java.util.Comparator.comparingInt(MxRecord::preference)).toList());
        TxtRecord txt = get(resolver.lookupTxt("mailpipe.test")).records().get(0);
        assertEquals(List.of("v=spf1 ", "a:a.mailpipe.test -all"), txt.strings());
        assertEquals("v=spf1 a:a.mailpipe.test -all", txt.text());
        assertEquals(List.of("a.mailpipe.test"),
                get(resolver.lookupPtr(InetAddress.getByName("192.0.2.1"))).records());
    }

    @Test
    void servesAnSpfCheckEndToEnd() throws Exception {
        SpfChecker checker = new SpfChecker(resolver(unbound.address(), 1232), SpfSettings.defaults());
        SpfResult pass = checker.checkMailFrom(new SpfRequest(InetAddress.getByName("192.0.2.1"),
                "alice@mailpipe.test", "client.example")).toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertEquals(SpfOutcome.PASS, pass.outcome());
        SpfResult fail = checker.checkMailFrom(new SpfRequest(InetAddress.getByName("192.0.2.2"),
                "alice@mailpipe.test", "client.example")).toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertEquals(SpfOutcome.FAIL, fail.outcome());
        SpfResult temperror = checker.checkMailFrom(new SpfRequest(InetAddress.getByName("192.0.2.1"),
                "alice@host.dead.example", "client.example")).toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertEquals(SpfOutcome.TEMPERROR, temperror.outcome());
    }

    @Test
    void followsCnameChains() throws Exception {
        DnsAnswer<?> answer = get(resolver(unbound.address(), 1232).lookupA("alias.mailpipe.test"));
        assertEquals(List.of(InetAddress.getByName("192.0.2.1")), answer.records());
    }

    @Test
    void retriesTruncatedAnswersOverTcp() throws Exception {
        DnsAnswer<TxtRecord> answer = get(resolver(unbound.address(), 0).lookupTxt("big.mailpipe.test"));
        assertEquals(DnsStatus.FOUND, answer.status());
        assertEquals(1000, answer.records().get(0).text().length());
        assertEquals(5, answer.records().get(0).strings().size());
    }

    @Test
    void tellsNxdomainFromNodata() throws Exception {
        DnsjavaResolver resolver = resolver(unbound.address(), 1232);
        assertEquals(DnsStatus.NXDOMAIN, get(resolver.lookupA("missing.mailpipe.test")).status());
        assertEquals(DnsStatus.NODATA, get(resolver.lookupMx("a.mailpipe.test")).status());
        assertEquals(DnsStatus.NODATA, get(resolver.lookupTxt("a.mailpipe.test")).status());
    }

    @Test
    void reportsServfailFromTheServer() throws Exception {
        DnsAnswer<?> answer = get(resolver(unbound.address(), 1232).lookupA("host.dead.example"));
        assertEquals(DnsStatus.SERVFAIL, answer.status(), answer.detail());
    }

    @Test
    void reportsTimeoutWhenNobodyAnswers() throws Exception {
        try (LoopbackDnsStub silent = LoopbackDnsStub.silent()) {
            DnsjavaResolver resolver = new DnsjavaResolver(DnsjavaResolverSettings.defaults()
                    .withServers(List.of(silent.address())).withTimeout(Duration.ofMillis(300), 1));
            DnsAnswer<?> answer = get(resolver.lookupTxt("anything.example"));
            assertEquals(DnsStatus.TIMEOUT, answer.status(), answer.detail());
        }
    }

    @Test
    void cachesPositiveAndNegativeAnswersForTheirTtl() throws Exception {
        DnsjavaResolver cached;
        DnsjavaResolver fresh;
        try (UnboundServer own = UnboundServer.start(zoneData(), List.of())) {
            cached = new DnsjavaResolver(DnsjavaResolverSettings.defaults().withServers(List.of(own.address()))
                    .withTimeout(Duration.ofMillis(300), 1));
            fresh = new DnsjavaResolver(DnsjavaResolverSettings.defaults().withServers(List.of(own.address()))
                    .withTimeout(Duration.ofMillis(300), 1));
            assertEquals(DnsStatus.FOUND, get(cached.lookupA("a.mailpipe.test")).status());
            assertEquals(DnsStatus.NXDOMAIN, get(cached.lookupA("gone.mailpipe.test")).status());
        }
        assertEquals(DnsStatus.FOUND, get(cached.lookupA("a.mailpipe.test")).status());
        assertEquals(DnsStatus.NXDOMAIN, get(cached.lookupA("gone.mailpipe.test")).status());
        assertEquals(true, get(fresh.lookupA("a.mailpipe.test")).status().isFailure());
    }
}
