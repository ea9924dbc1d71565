package io.mailpipe.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Cache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.lookup.LookupSession;

/**
 * Settings of a {@link DnsjavaResolver}: which recursive servers to ask (the system configuration, or a
 * {@code host:port} list), the per-query timeout and retry count, the CNAME chain limit, the EDNS(0) UDP payload
 * size advertised (RFC 6891 §6.2.3; {@code 0} sends no OPT record, so answers over 512 octets come back truncated
 * and are retried over TCP), and the maximum number of cached RRsets (positive and RFC 2308 negative entries).
 */
public record DnsjavaResolverSettings(List<InetSocketAddress> servers, Duration timeout, int retries,
        int maxCnameChain, int ednsPayloadSize, int cacheSize) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    public static final int DEFAULT_RETRIES = 2;
    public static final int DEFAULT_MAX_CNAME_CHAIN = 8;
    public static final int DEFAULT_EDNS_PAYLOAD = 1232;
    public static final int DEFAULT_CACHE_SIZE = 50_000;

    public DnsjavaResolverSettings {
        servers = List.copyOf(servers);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (retries < 0 || maxCnameChain < 0 || ednsPayloadSize < 0 || cacheSize < 0) {
            throw new IllegalArgumentException("retries, CNAME limit, EDNS size and cache size must be >= 0");
        }
    }

    /** System name servers (resolv.conf or the platform equivalent) and default limits. */
    public static DnsjavaResolverSettings defaults() {
        return new DnsjavaResolverSettings(List.of(), DEFAULT_TIMEOUT, DEFAULT_RETRIES, DEFAULT_MAX_CNAME_CHAIN,
                DEFAULT_EDNS_PAYLOAD, DEFAULT_CACHE_SIZE);
    }

    /** Parses a comma- or space-separated list of {@code host}, {@code host:port} or {@code [v6]:port}. */
    public static List<InetSocketAddress> parseServers(String list) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (String entry : list.trim().split("[,\\s]+")) {
            if (!entry.isEmpty()) {
                out.add(parseServer(entry));
            }
        }
        return out;
    }

    private static InetSocketAddress parseServer(String entry) {
        String host = entry;
        int port = SimpleResolver.DEFAULT_PORT;
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            host = entry.substring(1, close);
            if (close + 1 < entry.length()) {
                port = Integer.parseInt(entry.substring(close + 2));
            }
        } else if (entry.indexOf(':') >= 0 && entry.indexOf(':') == entry.lastIndexOf(':')) {
            host = entry.substring(0, entry.indexOf(':'));
            port = Integer.parseInt(entry.substring(entry.indexOf(':') + 1));
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range in " + entry);
        }
        return new InetSocketAddress(host, port);
    }

    public DnsjavaResolverSettings withServers(List<InetSocketAddress> newServers) {
        return new DnsjavaResolverSettings(newServers, timeout, retries, maxCnameChain, ednsPayloadSize, cacheSize);
    }

    public DnsjavaResolverSettings withTimeout(Duration newTimeout, int newRetries) {
        return new DnsjavaResolverSettings(servers, newTimeout, newRetries, maxCnameChain, ednsPayloadSize,
                cacheSize);
    }

    public DnsjavaResolverSettings withEdnsPayloadSize(int size) {
        return new DnsjavaResolverSettings(servers, timeout, retries, maxCnameChain, size, cacheSize);
    }

    public DnsjavaResolverSettings withCacheSize(int size) {
        return new DnsjavaResolverSettings(servers, timeout, retries, maxCnameChain, ednsPayloadSize, size);
    }

    LookupSession buildSession() {
        Cache cache = new Cache(DClass.IN);
        cache.setMaxEntries(cacheSize);
        return LookupSession.builder()
                .resolver(buildResolver())
                .maxRedirects(maxCnameChain)
                .clearSearchPath()
                .cache(cache)
                .executor(Runnable::run) // complete on the I/O thread; see DnsjavaResolver
                .build();
    }

    private ExtendedResolver buildResolver() {
        List<InetSocketAddress> targets = servers.isEmpty() ? ResolverConfig.getCurrentConfig().servers() : servers;
        List<org.xbill.DNS.Resolver> simple = new ArrayList<>();
        for (InetSocketAddress target : targets) {
            SimpleResolver resolver = new SimpleResolver(target);
            if (ednsPayloadSize == 0) {
                resolver.setEDNS(-1, 0, 0, List.of());
            } else {
                resolver.setEDNS(0, ednsPayloadSize, 0, List.of());
            }
            resolver.setTimeout(timeout);
            simple.add(resolver);
        }
        ExtendedResolver extended = new ExtendedResolver(simple);
        extended.setTimeout(timeout);
        extended.setRetries(retries);
        return extended;
    }
}
