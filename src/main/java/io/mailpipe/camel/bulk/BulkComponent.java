package io.mailpipe.camel.bulk;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import java.util.Map;

/** The {@code bulk:} component: {@code bulk:compose} turns JSON send requests into queueable messages. */
@Component("bulk")
public class BulkComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (!remaining.equals("compose")) {
            throw new IllegalArgumentException("bulk: operation must be compose, not '" + remaining + "'");
        }
        BulkEndpoint endpoint = new BulkEndpoint(uri, this);
        endpoint.setOperation(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
