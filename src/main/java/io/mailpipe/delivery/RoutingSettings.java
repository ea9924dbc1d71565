package io.mailpipe.delivery;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How {@link MxRouter} finds servers: the SMTP port (25, RFC 5321 §4.5.4), how many MX hosts and addresses one
 * attempt may try, whether IPv6 addresses are used and preferred, per-domain overrides (domain → host:port, for
 * private routing and tests), and an optional smarthost that receives all mail instead of the MX hosts.
 */
public record RoutingSettings(int port, int maxMxHosts, int maxAddresses, boolean useIpv6, boolean preferIpv6,
                              Map<String, HostAndPort> overrides, HostAndPort smarthost) {

    public RoutingSettings {
        if (maxMxHosts < 1 || maxAddresses < 1) {
            throw new IllegalArgumentException("maxMxHosts and maxAddresses must be at least 1");
        }
        if (preferIpv6 && !useIpv6) {
            throw new IllegalArgumentException("preferIpv6 needs useIpv6");
        }
        overrides = overrides.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
    }

    public static RoutingSettings defaults() {
        return new RoutingSettings(25, 5, 10, true, false, Map.of(), null);
    }

    public RoutingSettings withOverrides(Map<String, HostAndPort> value) {
        return new RoutingSettings(port, maxMxHosts, maxAddresses, useIpv6, preferIpv6, value, smarthost);
    }

    public RoutingSettings withSmarthost(HostAndPort value) {
        return new RoutingSettings(port, maxMxHosts, maxAddresses, useIpv6, preferIpv6, overrides, value);
    }

    public RoutingSettings withLimits(int hosts, int addresses) {
        return new RoutingSettings(port, hosts, addresses, useIpv6, preferIpv6, overrides, smarthost);
    }

    public RoutingSettings withIpv6(boolean use, boolean prefer) {
        return new RoutingSettings(port, maxMxHosts, maxAddresses, use, prefer, overrides, smarthost);
    }

    public RoutingSettings withPort(int value) {
        return new RoutingSettings(value, maxMxHosts, maxAddresses, useIpv6, preferIpv6, overrides, smarthost);
    }
}
