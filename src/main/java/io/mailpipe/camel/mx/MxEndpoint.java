package io.mailpipe.camel.mx;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * {@code mx:name} — delivers the exchange's raw message to its envelope recipients through their domains' MX hosts
 * (RFC 5321 §5, RFC 7505), per-domain overrides or a smarthost, and reports each recipient's outcome. All recipients
 * delivered: the exchange continues. Otherwise it fails with TransientDeliveryException (some recipient may succeed
 * later) or PermanentDeliveryException (all remaining recipients failed for good).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "mx", title = "MX Delivery", syntax = "mx:name", producerOnly = true,
             category = { Category.MAIL }, headersClass = MxConstants.class)
public class MxEndpoint extends DefaultEndpoint {

    @UriPath(description = "A name for this delivery endpoint, used in logs only.")
    @Metadata(required = true)
    private String name;
    @UriParam
    private MxConfiguration configuration;

    public MxEndpoint(String uri, MxComponent component, MxConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public MxComponent getComponent() {
        return (MxComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        MxEngine engine = getComponent().engineFor(configuration);
        return new MxProducer(this, engine.delivery(),
                getComponent().callbacksFor(engine, configuration.getCallbackThreads()));
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("mx: only delivers mail; receive with smtpd:");
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public MxConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MxConfiguration configuration) {
        this.configuration = configuration;
    }
}
