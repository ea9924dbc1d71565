package io.mailpipe.queue.kafka;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Kafka broker for tests: one single-node KRaft broker (broker and controller combined) started with Kafka's
 * own test kit inside the test JVM, shared by every test class of the run and closed at its end. When
 * {@code -Dkafka.bootstrap.servers} or {@code KAFKA_BOOTSTRAP_SERVERS} is set, those servers are used instead and
 * nothing is started. Test classes use their own topic prefix, so they never see each other's records.
 */
public final class EmbeddedKafka implements BeforeAllCallback {

    private static volatile String bootstrapServers;

    /** The bootstrap servers of the broker the tests use; valid after the extension ran. */
    public static String bootstrapServers() {
        if (bootstrapServers == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(EmbeddedKafka.class)");
        }
        return bootstrapServers;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (EmbeddedKafka.class) {
            if (bootstrapServers != null) {
                return;
            }
            String external = external();
            if (external != null) {
                bootstrapServers = external;
                return;
            }
            Broker broker = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(Broker.class, type -> Broker.start(), Broker.class);
            bootstrapServers = broker.cluster.bootstrapServers();
        }
    }

    private static String external() {
        String property = System.getProperty("kafka.bootstrap.servers");
        if (property != null && !property.isBlank()) {
            return property;
        }
        String env = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        return env == null || env.isBlank() ? null : env;
    }

    /** The in-JVM broker, closed (data directories deleted) when the root test context closes. */
    private record Broker(KafkaClusterTestKit cluster) implements AutoCloseable {

        static Broker start() {
            try {
                KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("offsets.topic.num.partitions", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .build();
                cluster.format();
                cluster.startup();
                cluster.waitForReadyBrokers();
                return new Broker(cluster);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the test Kafka broker", e);
            }
        }

        @Override
        public void close() throws Exception {
            bootstrapServers = null;
            cluster.close();
        }
    }
}
