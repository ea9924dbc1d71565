package io.mailpipe.camel.bulk;

import org.apache.camel.processor.idempotent.kafka.KafkaIdempotentRepository;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.Properties;

/**
 * Camel's Kafka idempotent repository with its marks written like queued mail: acks=all from an idempotent producer,
 * so a mark the route waited for survives the loss of a broker, sent at once (no linger: the route waits for each
 * mark, so lingering to fill a batch would only add to every request's time). Configure with the bean properties topic,
 * bootstrapServers and maxCacheSize (how many recent request keys are remembered).
 */
public class BulkIdempotentRepository extends KafkaIdempotentRepository {

    @Override
    protected void doStart() throws Exception {
        if (getProducerConfig() == null) {
            Properties producer = new Properties();
            producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, getBootstrapServers());
            producer.put(ProducerConfig.ACKS_CONFIG, "all");
            producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            producer.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            setProducerConfig(producer);
        }
        super.doStart();
    }
}
