package io.mailpipe.camel.spf;

import io.mailpipe.dns.CachingResolver;
import io.mailpipe.dns.DnsjavaResolver;
import io.mailpipe.dns.DnsjavaResolverSettings;
import io.mailpipe.dns.Resolver;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code spf:} component: SPF checks (RFC 7208) of received messages. Holds the DNS resolver shared by all
 * endpoints that do not name their own: the {@code resolver} bean, else one {@link DnsjavaResolver} over
 * {@code dnsServers} or the system configuration behind a {@link CachingResolver}, created once.
 */
@Component("spf")
public class SpfComponent extends DefaultComponent {

    @Metadata(description = "The DNS resolver (an io.mailpipe.dns.Resolver bean) every endpoint uses unless it names "
            + "its own.", autowired = true)
    private Resolver resolver;
    @Metadata(description = "Recursive DNS servers as a comma-separated host:port list, used for the default "
            + "resolver; empty means the system configuration (resolv.conf).")
    private String dnsServers;
    private Resolver defaultResolver;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SpfEndpoint endpoint = new SpfEndpoint(uri, this);
        endpoint.setOperation(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The component-level resolver: the configured bean, or the default one built on first use. */
    synchronized Resolver sharedResolver() {
        if (resolver != null) {
            return resolver;
        }
        if (defaultResolver == null) {
            defaultResolver = createResolver(dnsServers);
        }
        return defaultResolver;
    }

    static Resolver createResolver(String servers) {
        DnsjavaResolverSettings settings = DnsjavaResolverSettings.defaults();
        if (servers != null && !servers.isBlank()) {
            settings = settings.withServers(DnsjavaResolverSettings.parseServers(servers));
        }
        return CachingResolver.overDnsjava(settings);
    }

    public Resolver getResolver() {
        return resolver;
    }

    public void setResolver(Resolver resolver) {
        this.resolver = resolver;
    }

    public String getDnsServers() {
        return dnsServers;
    }

    public void setDnsServers(String dnsServers) {
        this.dnsServers = dnsServers;
    }
}
