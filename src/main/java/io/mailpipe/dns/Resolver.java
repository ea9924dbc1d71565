package io.mailpipe.dns;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
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

    /**
     * A for an IPv4 address family, AAAA for IPv6, as one list of {@link InetAddress}. The answer itself is
     * returned: a {@link DnsAnswer} is immutable, so an answer of {@code Inet4Address} or {@code Inet6Address}
     * records is as well an answer of {@code InetAddress} records.
     */
    @SuppressWarnings("unchecked")
    default CompletionStage<DnsAnswer<InetAddress>> lookupAddresses(String name, boolean ipv6) {
        CompletionStage<? extends DnsAnswer<? extends InetAddress>> stage = ipv6 ? lookupAaaa(name) : lookupA(name);
        return (CompletionStage<DnsAnswer<InetAddress>>) stage;
    }
}
