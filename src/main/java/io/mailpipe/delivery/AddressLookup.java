package io.mailpipe.delivery;

import io.mailpipe.dns.DnsAnswer;
import io.mailpipe.dns.Resolver;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Turns an ordered list of mail server host names into addresses to try (RFC 5321 §5.1, RFC 3596 for AAAA): A and
 * AAAA of every host are looked up together, each host's addresses are ordered by the IPv4/IPv6 preference, the host
 * order is kept, and the total is cut at the address limit. When no host has an address the route fails: with 4.4.3
 * if a lookup failed (the answer may come later), with 5.1.2 if the single implicit host does not exist, else 5.4.4.
 */
final class AddressLookup {

    private final Resolver resolver;
    private final RoutingSettings settings;

    AddressLookup(Resolver resolver, RoutingSettings settings) {
        this.resolver = resolver;
        this.settings = settings;
    }

    private record HostAddresses(String host, List<InetAddress> first, List<InetAddress> second,
                                 DnsAnswer<InetAddress> failure, boolean nxdomain) {
    }

    CompletionStage<Route> forHosts(String domain, List<String> hosts, int port) {
        List<CompletableFuture<HostAddresses>> lookups = new ArrayList<>();
        for (String host : hosts) {
            lookups.add(lookup(host));
        }
        return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<HostAddresses> results = lookups.stream().map(CompletableFuture::join).toList();
            return route(domain, hosts, port, results);
        });
    }

    private Route route(String domain, List<String> hosts, int port, List<HostAddresses> results) {
        List<MxTarget> targets = new ArrayList<>();
        DnsAnswer<InetAddress> failure = null;
        for (HostAddresses host : results) {
            for (List<InetAddress> family : List.of(host.first(), host.second())) {
                for (InetAddress address : family) {
                    if (targets.size() < settings.maxAddresses()) {
                        targets.add(new MxTarget(host.host(), address, port));
                    }
                }
            }
            failure = failure == null ? host.failure() : failure;
        }
        if (!targets.isEmpty()) {
            return Route.to(targets);
        }
        if (failure != null) {
            return Route.failed(RoutingReplies.dnsFailure(results.get(0).host(), failure.detail()));
        }
        if (hosts.size() == 1 && hosts.get(0).equals(domain) && results.get(0).nxdomain()) {
            return Route.failed(RoutingReplies.noSuchDomain(domain));
        }
        return Route.failed(RoutingReplies.noAddresses(domain));
    }

    private CompletableFuture<HostAddresses> lookup(String host) {
        CompletableFuture<DnsAnswer<InetAddress>> v4 = resolver.lookupAddresses(host, false).toCompletableFuture();
        CompletableFuture<DnsAnswer<InetAddress>> v6 = settings.useIpv6()
                ? resolver.lookupAddresses(host, true).toCompletableFuture()
                : CompletableFuture.completedFuture(DnsAnswer.nodata());
        return v4.thenCombine(v6, (a, aaaa) -> {
            DnsAnswer<InetAddress> failure = a.status().isFailure() ? a : aaaa.status().isFailure() ? aaaa : null;
            boolean nxdomain = a.status() == io.mailpipe.dns.DnsStatus.NXDOMAIN;
            return settings.preferIpv6()
                    ? new HostAddresses(host, aaaa.records(), a.records(), failure, nxdomain)
                    : new HostAddresses(host, a.records(), aaaa.records(), failure, nxdomain);
        });
    }
}
