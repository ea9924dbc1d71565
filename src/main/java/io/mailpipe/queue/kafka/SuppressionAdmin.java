package io.mailpipe.queue.kafka;

import io.mailpipe.feedback.SuppressionEntry;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Operator access to the suppression topic: add entries and remove addresses (tombstones), each call returning once
 * the broker acknowledged every record (acks=all), and read the whole list. The topic must exist (mailpipe creates
 * it at start in Kafka mode, or a deployment does): it is never auto-created here, since a topic created by a
 * producer would not be compacted.
 */
public final class SuppressionAdmin implements AutoCloseable {

    private final String bootstrapServers;
    private final String topic;
    private final Duration timeout;
    private final KafkaProducer<byte[], byte[]> producer;

    public SuppressionAdmin(String bootstrapServers, String topic, Duration timeout) throws IOException {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.timeout = timeout;
        requireTopic();
        this.producer = new KafkaProducer<>(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis(),
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout.toMillis(), 1000L),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(timeout.toMillis() / 2, 500L),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    public void add(List<SuppressionEntry> entries) throws IOException {
        send(entries.stream().map(e -> new ProducerRecord<>(topic, bytes(e.key()), e.toJson())).toList());
    }

    public void remove(String scope, List<String> addresses) throws IOException {
        send(addresses.stream().map(a -> new ProducerRecord<byte[], byte[]>(topic,
                bytes(SuppressionEntry.key(scope, a)), null)).toList());
    }

    /** Every entry on the list now. */
    public List<SuppressionEntry> list() throws IOException, InterruptedException {
        try (SuppressionList list = new SuppressionList(bootstrapServers, topic)) {
            list.start();
            if (!list.awaitCaughtUp(timeout)) {
                throw new IOException("could not read " + topic + " within " + timeout.toMillis() + " ms");
            }
            return list.entries();
        }
    }

    @Override
    public void close() {
        producer.close(timeout);
    }

    private void send(List<ProducerRecord<byte[], byte[]>> records) throws IOException {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        records.forEach(record -> acks.add(producer.send(record)));
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the broker did not acknowledge the write to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing to " + topic, e);
        }
    }

    private void requireTopic() throws IOException {
        Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()));
        try {
            if (!admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS).contains(topic)) {
                throw new IllegalStateException("topic " + topic + " does not exist; mailpipe creates it when it "
                        + "starts in Kafka mode (compacted)");
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

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
