package io.mailpipe.dns;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A {@link Resolver} that answers from a cache in front of another resolver (normally {@link DnsjavaResolver},
 * which keeps no cache of its own, so every answer is held once). Entries are keyed by query type and name
 * (compared per RFC 4343: case-insensitive, trailing dot ignored) or, for PTR, the address; each is kept for its
 * answer's TTL (RFC 1035 §3.2.1, RFC 2181 §5.2: the least TTL of the records, CNAMEs included) up to
 * {@link DnsCacheSettings#maxTtl()}, negative answers for their RFC 2308 §5 TTL, SERVFAIL and timeouts only for
 * {@link DnsCacheSettings#failureTtl()}. Concurrent lookups of one key share one query to the wrapped resolver.
 * A hit returns an already completed stage, the same object each time: dependent actions run at once on the
 * caller's thread. Answers served from the cache carry the TTL they arrived with, not the time left, so do not
 * stack one cache on another. Thread-safe.
 */
public final class CachingResolver implements Resolver {

    private static final int A = 0;
    private static final int AAAA = 1;
    private static final int MX = 2;
    private static final int TXT = 3;
    private static final int PTR = 4;

    private final AnswerCache cache;
    private final Function<String, CompletionStage<DnsAnswer<Inet4Address>>> fetchA;
    private final Function<String, CompletionStage<DnsAnswer<Inet6Address>>> fetchAaaa;
    private final Function<String, CompletionStage<DnsAnswer<MxRecord>>> fetchMx;
    private final Function<String, CompletionStage<DnsAnswer<TxtRecord>>> fetchTxt;
    private final Function<InetAddress, CompletionStage<DnsAnswer<String>>> fetchPtr;

    public CachingResolver(Resolver network, DnsCacheSettings settings) {
        this(network, settings, System::nanoTime);
    }

    /** The usual stack: a cache with default settings in front of a {@link DnsjavaResolver} with {@code settings}. */
    public static CachingResolver overDnsjava(DnsjavaResolverSettings settings) {
        return new CachingResolver(new DnsjavaResolver(settings), DnsCacheSettings.defaults());
    }

    /** With a time source in nanoseconds on the scale of {@link System#nanoTime()}, for tests. */
    CachingResolver(Resolver network, DnsCacheSettings settings, LongSupplier nanoTime) {
        this.cache = new AnswerCache(PTR + 1, settings, nanoTime);
        this.fetchA = network::lookupA;
        this.fetchAaaa = network::lookupAaaa;
        this.fetchMx = network::lookupMx;
        this.fetchTxt = network::lookupTxt;
        this.fetchPtr = network::lookupPtr;
    }

    @Override
    public CompletionStage<DnsAnswer<Inet4Address>> lookupA(String name) {
        return cache.lookup(A, DnsNames.normalize(name), fetchA);
    }

    @Override
    public CompletionStage<DnsAnswer<Inet6Address>> lookupAaaa(String name) {
        return cache.lookup(AAAA, DnsNames.normalize(name), fetchAaaa);
    }

    @Override
    public CompletionStage<DnsAnswer<MxRecord>> lookupMx(String name) {
        return cache.lookup(MX, DnsNames.normalize(name), fetchMx);
    }

    @Override
    public CompletionStage<DnsAnswer<TxtRecord>> lookupTxt(String name) {
        return cache.lookup(TXT, DnsNames.normalize(name), fetchTxt);
    }

    @Override
    public CompletionStage<DnsAnswer<String>> lookupPtr(InetAddress address) {
        return cache.lookup(PTR, address, fetchPtr);
    }

    /** How many answers are held, lookups in flight included. */
    int size() {
        return cache.size();
    }
}
