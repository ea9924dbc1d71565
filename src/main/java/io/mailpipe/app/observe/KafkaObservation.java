package io.mailpipe.app.observe;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * What the management endpoint watches in Kafka mode, over one admin client: broker reachability for readiness
 * ({@link KafkaBrokerCheck}, first asked at once so the first probe finds an answer) and consumer lag per queue
 * topic ({@link KafkaLagMonitor}), refreshed every {@value #LAG_REFRESH_SECONDS} seconds for the topics the routes
 * of the context consume.
 */
public final class KafkaObservation implements AutoCloseable {

    static final int LAG_REFRESH_SECONDS = 10;
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Admin admin;
    private final KafkaBrokerCheck brokerCheck;
    private final ScheduledExecutorService scheduler;

    public KafkaObservation(String brokers, CamelContext context, MeterRegistry registry) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.CLIENT_ID_CONFIG, "mailpipe-management"));
        this.brokerCheck = new KafkaBrokerCheck(admin, TIMEOUT, Duration.ofSeconds(5));
        brokerCheck.check();
        KafkaLagMonitor lag = new KafkaLagMonitor(admin, registry, () -> subscriptions(context), TIMEOUT);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "mailpipe-kafka-lag");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(lag::refresh, 1, LAG_REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    public HealthCheck brokerCheck() {
        return brokerCheck;
    }

    /** The topics the routes consume with a consumer group. */
    static List<KafkaLagMonitor.Subscription> subscriptions(CamelContext context) {
        List<KafkaLagMonitor.Subscription> subscriptions = new ArrayList<>();
        for (Route route : context.getRoutes()) {
            Endpoint endpoint = route.getEndpoint();
            if (endpoint instanceof KafkaEndpoint kafka && kafka.getConfiguration().getGroupId() != null) {
                for (String topic : kafka.getConfiguration().getTopic().split(",")) {
                    subscriptions.add(new KafkaLagMonitor.Subscription(topic.trim(),
                            kafka.getConfiguration().getGroupId()));
                }
            }
        }
        return subscriptions;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
