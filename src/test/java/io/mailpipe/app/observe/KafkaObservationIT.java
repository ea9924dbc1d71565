package io.mailpipe.app.observe;

import io.mailpipe.queue.kafka.EmbeddedKafka;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kafka side of the management endpoint against a real KRaft broker: readiness is up while the brokers answer
 * and down for brokers that cannot be reached; consumer lag is the records a group has not committed yet.
 */
@ExtendWith(EmbeddedKafka.class)
class KafkaObservationIT {

    private static Admin admin(String brokers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                2000, AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200));
    }

    /** Calls the check until it answers {@code up} or 15 s passed; returns the last answer. */
    private static HealthCheck.CheckResult await(KafkaBrokerCheck check, boolean up) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        HealthCheck.CheckResult result = check.check();
        while (result.up() != up && System.nanoTime() < deadline) {
            Thread.sleep(50);
            result = check.check();
        }
        return result;
    }

    @Test
    void readinessIsUpWhileTheBrokersAnswer() throws Exception {
        try (Admin admin = admin(EmbeddedKafka.bootstrapServers())) {
            KafkaBrokerCheck check = new KafkaBrokerCheck(admin, Duration.ofSeconds(2), Duration.ZERO);

            assertTrue(await(check, true).up());
        }
    }

    @Test
    void readinessIsDownForBrokersThatCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Admin admin = admin("127.0.0.1:" + closedPort)) {
            KafkaBrokerCheck check = new KafkaBrokerCheck(admin, Duration.ofSeconds(1), Duration.ZERO);

            HealthCheck.CheckResult first = check.check();
            HealthCheck.CheckResult later = await(check, false);
            Thread.sleep(1500);
            HealthCheck.CheckResult afterTimeout = check.check();

            assertFalse(first.up());
            assertFalse(later.up());
            assertFalse(afterTimeout.up());
            assertTrue(afterTimeout.detail().startsWith("brokers unreachable"), afterTimeout.detail());
        }
    }

    @Test
    void lagIsWhatTheGroupHasNotCommittedPerTopic() throws Exception {
        String topic = "observe-lag-" + System.nanoTime();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (Admin admin = admin(EmbeddedKafka.bootstrapServers());
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers()),
                     new StringSerializer(), new StringSerializer())) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
            for (int i = 0; i < 7; i++) {
                producer.send(new ProducerRecord<>(topic, i % 2, null, "m" + i)).get(30, TimeUnit.SECONDS);
            }
            KafkaLagMonitor monitor = new KafkaLagMonitor(admin, registry,
                    () -> List.of(new KafkaLagMonitor.Subscription(topic, "observe-group")), Duration.ofSeconds(10));

            monitor.refresh();
            double before = registry.get("mailpipe.queue.kafka.lag").tag("topic", topic).gauge().value();
            admin.alterConsumerGroupOffsets("observe-group",
                    Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(2))).all().get(30, TimeUnit.SECONDS);
            monitor.refresh();
            double after = registry.get("mailpipe.queue.kafka.lag").tag("topic", topic).gauge().value();

            assertEquals(7.0, before);
            assertEquals(5.0, after);
            assertTrue(registry.scrape().contains("mailpipe_queue_kafka_lag{topic=\"" + topic + "\"} 5.0"));
        }
    }
}
