package io.mailpipe.queue.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the Kafka queue talks to its cluster: the bootstrap servers, the topics, how new topics are created (partitions,
 * replication factor), the largest record the queue accepts ({@code maxRequestSize}, applied to the producer and as
 * {@code max.message.bytes} of the message topics) and how long a produce may wait for its acknowledgement.
 */
public record KafkaQueueSettings(String bootstrapServers, KafkaQueueTopics topics, int partitions,
                                 short replicationFactor, int maxRequestSize, Duration ackTimeout) {

    public KafkaQueueSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topics, "topics");
        if (partitions < 1 || replicationFactor < 1 || maxRequestSize < 1024) {
            throw new IllegalArgumentException("need partitions >= 1, replicationFactor >= 1, maxRequestSize >= 1024");
        }
        if (ackTimeout.toMillis() < 1000) {
            throw new IllegalArgumentException("the acknowledgement timeout must be at least one second");
        }
    }

    /**
     * Producer properties for durable writes: every in-sync replica acknowledges (acks=all), the idempotent producer
     * keeps retries from duplicating or reordering records, and no send waits longer than {@code ackTimeout}.
     */
    public Map<String, Object> producerProperties() {
        int timeout = (int) ackTimeout.toMillis();
        Map<String, Object> properties = new HashMap<>();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRequestSize);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeout, 30000));
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return properties;
    }
}
