package io.mailpipe.camel.observe;

import io.mailpipe.dns.DnsAnswer;
import io.mailpipe.dns.MxRecord;
import io.mailpipe.dns.Resolver;
import io.mailpipe.dns.TxtRecord;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.concurrent.CompletionStage;

/**
 * A {@link Resolver} that counts every lookup asked of it by record type (A, AAAA, MX, TXT, PTR; RFC 1035 §3.2.2)
 * and outcome ({@code found}, {@code nxdomain}, {@code nodata}, {@code servfail}, {@code timeout}). It sits in front
 * of the cache, so answers served from the cache count too.
 */
public final class MeteredResolver implements Resolver {

    private final Resolver resolver;
    private final MeterRegistry registry;

    private MeteredResolver(Resolver resolver, MeterRegistry registry) {
        this.resolver = resolver;
        this.registry = registry;
    }

    /** {@code resolver} counted in {@code meters}; one already counted is returned as it is. */
    public static Resolver wrap(Resolver resolver, PipelineMeters meters) {
        return resolver instanceof MeteredResolver ? resolver : new MeteredResolver(resolver, meters.registry());
    }

    @Override
    public CompletionStage<DnsAnswer<Inet4Address>> lookupA(String name) {
        return counted("A", resolver.lookupA(name));
    }

    @Override
    public CompletionStage<DnsAnswer<Inet6Address>> lookupAaaa(String name) {
        return counted("AAAA", resolver.lookupAaaa(name));
    }

    @Override
    public CompletionStage<DnsAnswer<MxRecord>> lookupMx(String name) {
        return counted("MX", resolver.lookupMx(name));
    }

    @Override
    public CompletionStage<DnsAnswer<TxtRecord>> lookupTxt(String name) {
        return counted("TXT", resolver.lookupTxt(name));
    }

    @Override
    public CompletionStage<DnsAnswer<String>> lookupPtr(InetAddress address) {
        return counted("PTR", resolver.lookupPtr(address));
    }

    private <T> CompletionStage<DnsAnswer<T>> counted(String type, CompletionStage<DnsAnswer<T>> lookup) {
        return lookup.whenComplete((answer, error) -> registry.counter("mailpipe.dns.lookups", "type", type,
                "status", error != null ? "error" : answer.status().name().toLowerCase(Locale.ROOT)).increment());
    }
}
