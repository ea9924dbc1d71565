package io.mailpipe.camel.mx;

import io.mailpipe.delivery.HostAndPort;
import io.mailpipe.delivery.MxDelivery;
import io.mailpipe.delivery.MxRouter;
import io.mailpipe.delivery.RoutingSettings;
import io.mailpipe.delivery.TlsPolicies;
import io.mailpipe.camel.observe.MeteredResolver;
import io.mailpipe.camel.observe.PipelineMeters;
import io.mailpipe.camel.observe.TlsMeters;
import io.mailpipe.delivery.shaping.TrafficShaper;
import io.mailpipe.dns.CachingResolver;
import io.mailpipe.dns.DnsjavaResolverSettings;
import io.mailpipe.dns.Resolver;
import io.mailpipe.smtp.client.ClientTimeouts;
import io.mailpipe.smtp.client.Destination;
import io.mailpipe.smtp.client.SmtpClient;
import io.mailpipe.smtp.client.SmtpClientConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The delivery engine behind {@code mx:} endpoints: one {@link SmtpClient} (its connection pool and per-destination
 * limits) and one {@link MxDelivery}, built from an {@link MxConfiguration} and shaped by the component's traffic
 * shaper, if any. Endpoints with equal settings share an
 * engine, so the limits hold across all routes of the Camel context.
 */
final class MxEngine implements AutoCloseable {

    private final SmtpClient client;
    private final MxDelivery delivery;

    MxEngine(MxConfiguration c, PipelineMeters meters, TrafficShaper shaper) {
        this.client = new SmtpClient(clientConfig(c).metrics(new TlsMeters(meters.registry())).build());
        Resolver resolver = MeteredResolver.wrap(c.getResolver() != null ? c.getResolver()
                : builtInResolver(c.getDnsServers()), meters);
        MxRouter router = new MxRouter(resolver, routing(c));
        TlsPolicies tls = TlsPolicies.parse(c.getTlsPolicy(), c.getTlsPolicies());
        Destination.Credentials credentials = c.getSmarthostUser() == null ? null
                : new Destination.Credentials(c.getSmarthostUser(),
                        c.getSmarthostPassword() == null ? "" : c.getSmarthostPassword());
        this.delivery = new MxDelivery(client, router, tls, credentials, shaper);
    }

    MxDelivery delivery() {
        return delivery;
    }

    /** The settings that make two endpoints need different engines. */
    static String key(MxConfiguration c) {
        return String.join("|", c.getHeloName(), c.getTlsPolicy(), String.valueOf(c.getTlsPolicies()),
                String.valueOf(System.identityHashCode(c.getTrustManagers())), timeouts(c).toString(),
                String.valueOf(c.getMaxReplyLineLength()), String.valueOf(c.getMaxMessagesPerConnection()),
                String.valueOf(c.getIdleTimeout()), String.valueOf(c.getMaxConnectionsPerDestination()),
                String.valueOf(c.getMessagesPerSecondPerDestination()), String.valueOf(c.getIoThreads()),
                routing(c).toString(), String.valueOf(c.getSmarthostUser()),
                String.valueOf(c.getSmarthostPassword() == null ? 0 : c.getSmarthostPassword().hashCode()),
                String.valueOf(System.identityHashCode(c.getResolver())), String.valueOf(c.getDnsServers()));
    }

    private static SmtpClientConfig.Builder clientConfig(MxConfiguration c) {
        return SmtpClientConfig.builder().heloName(c.getHeloName()).timeouts(timeouts(c))
                .maxReplyLineLength(c.getMaxReplyLineLength()).trustManagers(c.getTrustManagers())
                .ioThreads(c.getIoThreads()).maxMessagesPerConnection(c.getMaxMessagesPerConnection())
                .idleTimeout(Duration.ofMillis(c.getIdleTimeout()))
                .maxConnectionsPerDestination(c.getMaxConnectionsPerDestination())
                .messagesPerSecondPerDestination(c.getMessagesPerSecondPerDestination());
    }

    private static ClientTimeouts timeouts(MxConfiguration c) {
        return new ClientTimeouts(ms(c.getConnectTimeout()), ms(c.getGreetingTimeout()), ms(c.getHeloTimeout()),
                ms(c.getStartTlsTimeout()), ms(c.getAuthTimeout()), ms(c.getMailTimeout()), ms(c.getRcptTimeout()),
                ms(c.getDataInitTimeout()), ms(c.getDataBlockTimeout()), ms(c.getDataTerminationTimeout()),
                ms(c.getRsetTimeout()), ms(c.getQuitTimeout()));
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    private static RoutingSettings routing(MxConfiguration c) {
        HostAndPort smarthost = c.getSmarthost() == null || c.getSmarthost().isBlank() ? null
                : HostAndPort.parse(c.getSmarthost(), 25);
        return new RoutingSettings(c.getPort(), c.getMaxMxHosts(), c.getMaxAddresses(), c.isUseIpv6(),
                c.isPreferIpv6(), parseOverrides(c.getOverrides(), c.getPort()), smarthost);
    }

    /** "domain=host:port,domain=host:port" into a map. */
    static Map<String, HostAndPort> parseOverrides(String text, int defaultPort) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.split("=", 2))
                .peek(kv -> {
                    if (kv.length != 2) {
                        throw new IllegalArgumentException("override needs domain=host:port: " + kv[0]);
                    }
                })
                .collect(Collectors.toUnmodifiableMap(kv -> kv[0].trim(), kv -> HostAndPort.parse(kv[1], defaultPort)));
    }

    private static Resolver builtInResolver(String dnsServers) {
        if (dnsServers == null || dnsServers.isBlank()) {
            return CachingResolver.overDnsjava(DnsjavaResolverSettings.defaults());
        }
        return CachingResolver.overDnsjava(DnsjavaResolverSettings.defaults()
                .withServers(DnsjavaResolverSettings.parseServers(dnsServers)));
    }

    @Override
    public void close() {
        client.close();
    }
}
