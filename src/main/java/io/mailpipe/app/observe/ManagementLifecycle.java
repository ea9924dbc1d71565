package io.mailpipe.app.observe;

import io.mailpipe.delivery.shaping.TrafficShaper;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.LifecycleStrategySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ties the management endpoint to the Camel context: started when the context starts (before the routes, so
 * liveness answers during start-up while readiness is still down) and stopped when the context has stopped (after
 * the routes drained, so readiness can say "not ready" during the drain). Chooses the readiness checks of the queue
 * back-end named by {@code mailpipe.queue}: the spool, or the Kafka brokers (and then watches consumer lag).
 * With {@code mailpipe.management.enabled=false} none of this runs; the components still record their meters.
 */
final class ManagementLifecycle extends LifecycleStrategySupport {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementLifecycle.class);

    private final PrometheusMeterRegistry registry;
    private ManagementServer server;
    private KafkaObservation kafka;

    ManagementLifecycle(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public synchronized void onContextStarting(CamelContext context) {
        ManagementSettings settings = ManagementSettings.from(context);
        if (!settings.enabled()) {
            return;
        }
        bindJvmMeters();
        List<HealthCheck> readiness = readinessChecks(context);
        List<HealthCheck> liveness = List.of(new CamelContextCheck(context, false));
        try {
            server = ManagementServer.start(settings.address(), () -> liveness, () -> readiness, registry,
                    () -> context.getRegistry().lookupByNameAndType(TrafficShaper.BEAN_NAME, TrafficShaper.class));
        } catch (IOException e) {
            onContextStopped(context);
            throw new RuntimeCamelException("cannot start the management endpoint on " + settings.host() + ":"
                    + settings.port() + " (" + ManagementSettings.PREFIX + "host/port): " + e.getMessage(), e);
        }
        LOG.info("management endpoint on http://{}:{}{} {} {}", server.address().getHostString(),
                server.address().getPort(), ManagementServer.LIVE_PATH, ManagementServer.READY_PATH,
                ManagementServer.METRICS_PATH);
    }

    /** The context, the listeners and the queue back-end; in Kafka mode also starts watching consumer lag. */
    private List<HealthCheck> readinessChecks(CamelContext context) {
        List<HealthCheck> readiness = new ArrayList<>(List.of(new CamelContextCheck(context, true),
                new SmtpdAcceptingCheck(context)));
        String queue = context.getPropertiesComponent().resolveProperty("mailpipe.queue").orElse("spool").trim();
        if (queue.equals("kafka")) {
            String brokers = context.getPropertiesComponent().resolveProperty("mailpipe.kafka.brokers")
                    .orElse("127.0.0.1:9092");
            kafka = new KafkaObservation(brokers, context, registry);
            readiness.add(kafka.brokerCheck());
        } else {
            SpoolDepthGauges.register(registry, context);
            readiness.add(new SpoolCheck(context));
        }
        return readiness;
    }

    private void bindJvmMeters() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    @Override
    public synchronized void onContextStopped(CamelContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    /** Where the endpoint listens, null when it does not run. */
    synchronized ManagementServer server() {
        return server;
    }
}
