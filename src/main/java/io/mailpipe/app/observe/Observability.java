package io.mailpipe.app.observe;

import io.mailpipe.camel.observe.PipelineMeters;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;

/**
 * Adds metrics, health and the management endpoint to a camel-main: before the routes are configured it binds one
 * Prometheus meter registry in the Camel registry (as {@value #METER_REGISTRY_BEAN}, and wrapped as
 * {@link PipelineMeters} for the components) and hooks {@link ManagementLifecycle} into the context, which runs the
 * {@link ManagementServer} from the start of the context to the very end of its shutdown.
 */
public final class Observability extends MainListenerSupport {

    public static final String METER_REGISTRY_BEAN = "meterRegistry";
    public static final String PIPELINE_METERS_BEAN = "pipelineMeters";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ManagementLifecycle lifecycle = new ManagementLifecycle(registry);

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        context.getRegistry().bind(METER_REGISTRY_BEAN, registry);
        context.getRegistry().bind(PIPELINE_METERS_BEAN, new PipelineMeters(registry));
        context.addLifecycleStrategy(lifecycle);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Where the management endpoint listens; empty while it does not run. */
    public Optional<InetSocketAddress> managementAddress() {
        ManagementServer server = lifecycle.server();
        return server == null ? Optional.empty() : Optional.of(server.address());
    }

    /** The instance added to {@code main}, if any. */
    public static Optional<Observability> of(BaseMainSupport main) {
        return main.getMainListeners().stream().filter(Observability.class::isInstance)
                .map(Observability.class::cast).findFirst();
    }
}
