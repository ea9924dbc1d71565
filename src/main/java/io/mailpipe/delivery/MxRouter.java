package io.mailpipe.delivery;

import io.mailpipe.dns.DnsAnswer;
import io.mailpipe.dns.MxRecord;
import io.mailpipe.dns.Resolver;
import io.mailpipe.smtp.AddressLiterals;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Finds the servers for a recipient domain (RFC 5321 §5.1): a smarthost or a per-domain override first; an address
 * literal is used as it is; otherwise the MX records sorted by preference with hosts of equal preference shuffled,
 * each followed to its addresses, up to the configured host and address limits. No MX records: the domain itself
 * is the implicit MX. A null MX (RFC 7505 §3) fails permanently with 5.1.10, NXDOMAIN with 5.1.2, a DNS failure
 * transiently with 4.4.3. All lookups go through {@link Resolver} and hold no thread.
 */
public final class MxRouter {

    private final Resolver resolver;
    private final RoutingSettings settings;
    private final Random shuffle;
    private final AddressLookup addresses;

    public MxRouter(Resolver resolver, RoutingSettings settings) {
        this(resolver, settings, new Random());
    }

    MxRouter(Resolver resolver, RoutingSettings settings, Random shuffle) {
        this.resolver = resolver;
        this.settings = settings;
        this.shuffle = shuffle;
        this.addresses = new AddressLookup(resolver, settings);
    }

    public RoutingSettings settings() {
        return settings;
    }

    /** The route for {@code domain} (lower-case, or an address literal in brackets). */
    public CompletionStage<Route> route(String domain) {
        String name = domain.toLowerCase(Locale.ROOT);
        if (settings.smarthost() != null) {
            return fixed(settings.smarthost());
        }
        HostAndPort override = settings.overrides().get(name);
        if (override != null) {
            return fixed(override);
        }
        if (name.startsWith("[")) {
            return CompletableFuture.completedFuture(literal(name));
        }
        return resolver.lookupMx(name).thenCompose(answer -> fromMx(name, answer));
    }

    private CompletionStage<Route> fixed(HostAndPort target) {
        InetAddress literal = ipLiteral(target.host());
        if (literal != null) {
            return CompletableFuture.completedFuture(
                    Route.to(List.of(new MxTarget(target.host(), literal, target.port()))));
        }
        return addresses.forHosts(target.host(), List.of(target.host()), target.port());
    }

    private Route literal(String literal) {
        if (!AddressLiterals.isValid(literal)) {
            return Route.failed(RoutingReplies.badLiteral(literal));
        }
        String inner = literal.substring(1, literal.length() - 1);
        if (inner.startsWith("ipv6:")) {
            inner = inner.substring(5);
        }
        InetAddress address = ipLiteral(inner);
        if (address == null) {
            return Route.failed(RoutingReplies.badLiteral(literal));
        }
        return Route.to(List.of(new MxTarget(literal, address, settings.port())));
    }

    private CompletionStage<Route> fromMx(String domain, DnsAnswer<MxRecord> answer) {
        return switch (answer.status()) {
            case NXDOMAIN -> CompletableFuture.completedFuture(Route.failed(RoutingReplies.noSuchDomain(domain)));
            case SERVFAIL, TIMEOUT -> CompletableFuture.completedFuture(
                    Route.failed(RoutingReplies.dnsFailure(domain + " MX", answer.detail())));
            case NODATA -> addresses.forHosts(domain, List.of(domain), settings.port());
            case FOUND -> fromRecords(domain, answer.records());
        };
    }

    private CompletionStage<Route> fromRecords(String domain, List<MxRecord> records) {
        if (records.stream().anyMatch(MxRecord::isNullMx)) {
            return CompletableFuture.completedFuture(Route.failed(RoutingReplies.nullMx(domain)));
        }
        List<String> hosts = orderedHosts(records);
        return addresses.forHosts(domain, hosts.subList(0, Math.min(hosts.size(), settings.maxMxHosts())),
                settings.port());
    }

    /** Host names by ascending preference, equal preferences in random order (RFC 5321 §5.1), duplicates once. */
    List<String> orderedHosts(List<MxRecord> records) {
        List<MxRecord> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, shuffle);
        shuffled.sort((a, b) -> Integer.compare(a.preference(), b.preference()));
        List<String> hosts = new ArrayList<>();
        for (MxRecord record : shuffled) {
            if (!hosts.contains(record.host())) {
                hosts.add(record.host());
            }
        }
        return hosts;
    }

    /** The address for an IPv4 or IPv6 literal without any DNS lookup, or null when {@code text} is a name. */
    static InetAddress ipLiteral(String text) {
        boolean ipv4 = text.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9') && text.indexOf('.') > 0;
        boolean ipv6 = text.indexOf(':') >= 0 && text.chars().allMatch(c -> c == ':' || c == '.'
                || Character.digit(c, 16) >= 0);
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
