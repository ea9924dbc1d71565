package io.mailpipe.dns;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Asynchronous DNS lookups for the record types mail needs: A and AAAA (RFC 1035 §3.4.1, RFC 3596), MX (RFC 1035
 * §3.3.9, RFC 5321 §5.1), TXT (RFC 1035 §3.3.14; SPF and DKIM keys) and PTR (RFC 1035 §3.5). Names are given as
 * text, absolute, with or without the trailing dot. CNAME chains are followed by the implementation. The stages
 * never complete exceptionally for DNS outcomes: every outcome is a {@link DnsAnswer} whose {@link DnsStatus}
 * tells found, NXDOMAIN, NODATA, SERVFAIL and timeout apart. No thread is held while a query is in flight.
 */
public interface Resolver {

    CompletionStage<DnsAnswer<Inet4Address>> lookupA(String name);

    CompletionStage<DnsAnswer<Inet6Address>> lookupAaaa(String name);

    CompletionStage<DnsAnswer<MxRecord>> lookupMx(String name);

    CompletionStage<DnsAnswer<TxtRecord>> lookupTxt(String name);

    /** PTR records of the reverse name of {@code address}; host names are returned without the trailing dot. */
    CompletionStage<DnsAnswer<String>> lookupPtr(InetAddress address);

    /** A for an IPv4 address family, AAAA for IPv6, as one list of {@link InetAddress}. */
    default CompletionStage<DnsAnswer<InetAddress>> lookupAddresses(String name, boolean ipv6) {
        if (ipv6) {
            return lookupAaaa(name).thenApply(Resolver::widen);
        }
        return lookupA(name).thenApply(Resolver::widen);
    }

    private static <T extends InetAddress> DnsAnswer<InetAddress> widen(DnsAnswer<T> answer) {
        return new DnsAnswer<>(answer.status(), List.copyOf(answer.records()), answer.detail());
    }
}
