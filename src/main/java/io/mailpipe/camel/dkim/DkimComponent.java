package io.mailpipe.camel.dkim;

import io.mailpipe.dns.Resolver;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code dkim:} component: {@code dkim:sign} (RFC 6376 §5) and {@code dkim:verify} (RFC 6376 §6, results per
 * RFC 8601) over the {@code io.mailpipe.dkim} engine.
 */
@Component("dkim")
public class DkimComponent extends DefaultComponent {

    @Metadata(label = "verify,advanced", autowired = true, description = "DNS resolver for key lookups, shared with "
            + "SPF and delivery; picked up automatically when the registry holds exactly one. Without it, "
            + "dkim:verify builds one from its dnsServers option or the system configuration")
    private Resolver resolver;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        DkimEndpoint endpoint = new DkimEndpoint(uri, this);
        if (!remaining.equals("sign") && !remaining.equals("verify")) {
            throw new IllegalArgumentException("dkim: operation must be sign or verify, not '" + remaining + "'");
        }
        endpoint.setOperation(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public Resolver getResolver() {
        return resolver;
    }

    public void setResolver(Resolver resolver) {
        this.resolver = resolver;
    }
}
