package io.mailpipe.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory resolver keeps the DNS outcomes apart the way a real server reports them (RFC 2308 §2). */
class InMemoryResolverTest {

    private final InMemoryZone zone = new InMemoryZone()
            .addA("Mail.Example.com.", "192.0.2.1")
            .addMx("example.com", 10, "mail.example.com.")
            .addTxt("example.com", "v=spf1 ", "-all")
            .addCname("alias.example.com", "mail.example.com")
            .addCname("loop1.example.com", "loop2.example.com")
            .addCname("loop2.example.com", "loop1.example.com")
            .fail("slow.example.com", InMemoryZone.Type.TXT, DnsStatus.TIMEOUT)
            .failAll("broken.example.com", DnsStatus.SERVFAIL);
    private final InMemoryResolver resolver = new InMemoryResolver(zone);

    @Test
    void answersFoundNxdomainNodataAndFailures() throws Exception {
        DnsAnswer<?> a = resolver.lookupA("mail.example.COM").toCompletableFuture().get();
        assertEquals(List.of(InetAddress.getByName("192.0.2.1")), a.records());
        assertEquals(DnsStatus.NXDOMAIN, resolver.lookupA("nowhere.example.com").toCompletableFuture().get().status());
        assertEquals(DnsStatus.NODATA, resolver.lookupA("example.com").toCompletableFuture().get().status());
        assertEquals(DnsStatus.TIMEOUT, resolver.lookupTxt("slow.example.com").toCompletableFuture().get().status());
        assertEquals(DnsStatus.NODATA, resolver.lookupA("slow.example.com").toCompletableFuture().get().status());
        assertEquals(DnsStatus.SERVFAIL, resolver.lookupMx("broken.example.com").toCompletableFuture().get().status());
        assertEquals(6, resolver.queryCount());
    }

    @Test
    void joinsTxtStringsAndFollowsCnames() throws Exception {
        TxtRecord txt = resolver.lookupTxt("example.com").toCompletableFuture().get().records().get(0);
        assertEquals("v=spf1 -all", txt.text());
        assertEquals(List.of("v=spf1 ", "-all"), txt.strings());
        assertEquals(new MxRecord(10, "mail.example.com"),
                resolver.lookupMx("example.com").toCompletableFuture().get().records().get(0));
        assertEquals(DnsStatus.FOUND, resolver.lookupA("alias.example.com").toCompletableFuture().get().status());
        assertEquals(DnsStatus.SERVFAIL, resolver.lookupA("loop1.example.com").toCompletableFuture().get().status());
    }

    @Test
    void buildsReverseNames() throws Exception {
        assertEquals("4.3.2.1.in-addr.arpa", DnsNames.reverseName(InetAddress.getByName("1.2.3.4")));
        assertEquals("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa",
                DnsNames.reverseName(InetAddress.getByName("2001:db8::1")));
    }

    @Test
    void parsesServerLists() {
        assertEquals(List.of(new java.net.InetSocketAddress("127.0.0.1", 5353),
                        new java.net.InetSocketAddress("::1", 53), new java.net.InetSocketAddress("::1", 54)),
                DnsjavaResolverSettings.parseServers("127.0.0.1:5353, ::1 [::1]:54"));
    }
}
