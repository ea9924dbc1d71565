package io.mailpipe.camel.mx;

import io.mailpipe.camel.observe.PipelineMeters;
import io.mailpipe.camel.observe.ShapingMeters;
import io.mailpipe.delivery.shaping.TrafficShaper;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code mx:} component: delivers messages over SMTP to each recipient domain's mail exchangers (RFC 5321 §5)
 * or a smarthost. Component-level options are the defaults of every endpoint; endpoints with equal settings share
 * one delivery engine, so connection limits and rates hold across routes. With traffic shaping on, one shaper (bound
 * in the registry for the management endpoint, observed by {@link ShapingMeters}) shapes every engine's deliveries.
 */
@Component("mx")
public class MxComponent extends DefaultComponent {

    @Metadata(description = "Default settings for every mx: endpoint; endpoint options override them.")
    private MxConfiguration configuration = new MxConfiguration();

    private final Map<String, MxEngine> engines = new HashMap<>();
    private final Map<MxEngine, ExecutorService> callbackPools = new HashMap<>();
    private TrafficShaper shaper;
    private KafkaGroupReplicas replicas;
    private KafkaSuspensionTopic suspensions;
    private ShapingMeters shapingMeters;

    @Override
    protected synchronized void doStart() throws Exception {
        super.doStart();
        if (ShapingSetup.enabled(getCamelContext())) {
            replicas = ShapingSetup.kafkaReplicas(getCamelContext());
            shaper = ShapingSetup.create(getCamelContext(), replicas == null ? () -> 1 : replicas);
            suspensions = ShapingSetup.kafkaSuspensions(getCamelContext(), shaper);
            shapingMeters = ShapingMeters.attach(PipelineMeters.of(getCamelContext()), shaper);
            getCamelContext().getRegistry().bind(ShapingSetup.BEAN, TrafficShaper.class, shaper);
        }
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MxEndpoint endpoint = new MxEndpoint(uri, this, configuration.copy());
        endpoint.setName(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The shared engine for these settings, created on first use. */
    synchronized MxEngine engineFor(MxConfiguration settings) {
        return engines.computeIfAbsent(MxEngine.key(settings), k -> new MxEngine(settings,
                PipelineMeters.of(getCamelContext()), shaper));
    }

    /** The threads that continue routes after deliveries of {@code engine}. */
    synchronized ExecutorService callbacksFor(MxEngine engine, int threads) {
        return callbackPools.computeIfAbsent(engine, e -> getCamelContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "mx-delivery-callbacks", threads));
    }

    @Override
    protected synchronized void doStop() throws Exception {
        engines.values().forEach(MxEngine::close);
        engines.clear();
        callbackPools.values().forEach(pool -> getCamelContext().getExecutorServiceManager().shutdown(pool));
        callbackPools.clear();
        if (shapingMeters != null) {
            shapingMeters.close();
            shapingMeters = null;
        }
        if (shaper != null) {
            getCamelContext().getRegistry().unbind(ShapingSetup.BEAN);
            shaper = null;
        }
        if (replicas != null) {
            replicas.close();
            replicas = null;
        }
        if (suspensions != null) {
            suspensions.close();
            suspensions = null;
        }
        super.doStop();
    }

    public MxConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MxConfiguration configuration) {
        this.configuration = configuration;
    }
}
