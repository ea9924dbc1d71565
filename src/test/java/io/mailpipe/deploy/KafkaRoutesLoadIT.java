package io.mailpipe.deploy;

import io.mailpipe.queue.kafka.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

/**
 * The Kafka mode's route files (routes/*.camel.yaml and routes/kafka/) load with Camel's production YAML DSL
 * loader without any YAML DSL warning. Loading creates the kafkaQueue bean, which sets up its topics, so a real
 * broker (the in-JVM test broker) stands behind it.
 */
@ExtendWith(EmbeddedKafka.class)
class KafkaRoutesLoadIT {

    @Test
    void kafkaModeRoutesLoadWithoutWarnings() throws Exception {
        RouteLoading.assertModeLoadsWithoutWarnings("kafka", Map.of(
                "mailpipe.kafka.brokers", EmbeddedKafka.bootstrapServers(),
                "mailpipe.kafka.topic-prefix", "routesload",
                "mailpipe.kafka.ack-timeout-ms", "20000"));
    }
}
