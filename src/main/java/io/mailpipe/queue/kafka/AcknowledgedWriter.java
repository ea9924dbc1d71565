package io.mailpipe.queue.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes records of the operator tools to one existing topic and tells when every one of them was acknowledged by
 * the brokers: acks=all with the idempotent producer, so a record the client retries is still stored once. Records
 * are sent without waiting for each acknowledgement (the producer batches them; its buffer bounds the memory), and
 * {@link #awaitAcknowledged()} waits for all of them. The topic is never auto-created here: mailpipe creates its
 * topics with their settings (compaction, partitions) when it starts in Kafka mode.
 */
public final class AcknowledgedWriter implements AutoCloseable {

    private final String topic;
    private final Duration timeout;
    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    /** Checks that {@code topic} exists, then opens a producer that lingers {@code linger} to fill batches. */
    public AcknowledgedWriter(String bootstrapServers, String topic, Duration timeout, Duration linger)
            throws IOException {
        this.topic = topic;
        this.timeout = timeout;
        requireTopic(bootstrapServers, topic, timeout);
        this.producer = new KafkaProducer<>(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis(),
                ProducerConfig.LINGER_MS_CONFIG, (int) linger.toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout.toMillis(), linger.toMillis() + 1000),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(timeout.toMillis() / 2, 500L),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** Sends one record (a null value is a tombstone); blocks only while the producer's buffer is full. */
    public void send(byte[] key, byte[] value) throws IOException {
        try {
            producer.send(new ProducerRecord<>(topic, key, value), (metadata, failure) -> {
                if (failure == null) {
                    acknowledged.incrementAndGet();
                } else {
                    firstFailure.compareAndSet(null, failure);
                }
            });
        } catch (KafkaException e) {
            throw new IOException("cannot write to " + topic + ": " + e.getMessage(), e);
        }
    }

    /** Waits until every record sent so far is acknowledged; returns how many were, or fails if any was not. */
    public long awaitAcknowledged() throws IOException {
        try {
            producer.flush();
        } catch (KafkaException e) {
            throw new IOException("cannot write to " + topic + ": " + e.getMessage(), e);
        }
        Exception failure = firstFailure.get();
        if (failure != null) {
            throw new IOException("the brokers did not acknowledge every record written to " + topic + " ("
                    + acknowledged.get() + " were): " + failure.getMessage(), failure);
        }
        return acknowledged.get();
    }

    @Override
    public void close() {
        producer.close(timeout);
    }

    private static void requireTopic(String bootstrapServers, String topic, Duration timeout) throws IOException {
        Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()));
        try {
            if (!admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS).contains(topic)) {
                throw new IllegalStateException("topic " + topic + " does not exist; mailpipe creates it when it "
                        + "starts in Kafka mode");
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot reach the brokers " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while looking up " + topic, e);
        } finally {
            admin.close(Duration.ZERO);
        }
    }
}
