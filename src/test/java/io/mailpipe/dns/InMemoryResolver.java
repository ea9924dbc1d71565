package io.mailpipe.dns;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Resolver} over an {@link InMemoryZone} for tests: answers complete immediately, CNAME chains are
 * followed up to a limit (a loop ends in SERVFAIL, as a recursive server reports it), and every query is counted
 * so tests can bound the work an evaluation does.
 */
public final class InMemoryResolver implements Resolver {

    private static final int MAX_CNAME_CHAIN = 8;

    private final InMemoryZone zone;
    private final AtomicInteger queries = new AtomicInteger();

    public InMemoryResolver(InMemoryZone zone) {
        this.zone = zone;
    }

    /** How many lookups this resolver has answered. */
    public int queryCount() {
        return queries.get();
    }

    @Override
    public CompletionStage<DnsAnswer<Inet4Address>> lookupA(String name) {
        return answer(name, InMemoryZone.Type.A);
    }

    @Override
    public CompletionStage<DnsAnswer<Inet6Address>> lookupAaaa(String name) {
        return answer(name, InMemoryZone.Type.AAAA);
    }

    @Override
    public CompletionStage<DnsAnswer<MxRecord>> lookupMx(String name) {
        return answer(name, InMemoryZone.Type.MX);
    }

    @Override
    public CompletionStage<DnsAnswer<TxtRecord>> lookupTxt(String name) {
        return answer(name, InMemoryZone.Type.TXT);
    }

    @Override
    public CompletionStage<DnsAnswer<String>> lookupPtr(InetAddress address) {
        return answer(DnsNames.reverseName(address), InMemoryZone.Type.PTR);
    }

    private <T> CompletionStage<DnsAnswer<T>> answer(String name, InMemoryZone.Type type) {
        queries.incrementAndGet();
        return CompletableFuture.completedFuture(resolve(name, type));
    }

    @SuppressWarnings("unchecked")
    private <T> DnsAnswer<T> resolve(String name, InMemoryZone.Type type) {
        String current = name;
        for (int hop = 0; hop <= MAX_CNAME_CHAIN; hop++) {
            InMemoryZone.Node node = zone.find(current);
            if (node == null) {
                return DnsAnswer.nxdomain();
            }
            DnsStatus failure = node.failures.get(type);
            List<Object> records = node.records.get(type);
            if (records != null) {
                return DnsAnswer.found(new ArrayList<>((List<T>) (List<?>) records));
            }
            if (failure == DnsStatus.TIMEOUT) {
                return DnsAnswer.timeout("simulated timeout for " + current + "/" + type);
            }
            if (failure == DnsStatus.SERVFAIL) {
                return DnsAnswer.servfail("simulated SERVFAIL for " + current + "/" + type);
            }
            if (node.cname == null) {
                return DnsAnswer.nodata();
            }
            current = node.cname;
        }
        return DnsAnswer.servfail("CNAME chain longer than " + MAX_CNAME_CHAIN + " from " + name);
    }
}
