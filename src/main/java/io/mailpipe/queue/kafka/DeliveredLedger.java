package io.mailpipe.queue.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The recipients already delivered, kept in the compacted topic {@code mail.delivered} (key: queue id, space,
 * recipient; value: when) so that a message consumed again after a crash, before its offset was committed, skips
 * them (RFC 5321 §4.5.4.1: retry only the recipients not yet delivered). A background thread reads the whole topic
 * from every partition, so markers written by other instances count too; the most recent {@code capacity} markers
 * are kept in memory, which covers the uncommitted window of every consumer by far.
 */
public final class DeliveredLedger implements AutoCloseable {

    private final String topic;
    private final Map<String, Boolean> recent;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Thread reader;
    private volatile boolean running = true;

    public DeliveredLedger(String bootstrapServers, String topic, int capacity) {
        this.topic = topic;
        this.recent = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        });
        this.consumer = new KafkaConsumer<>(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        this.reader = new Thread(this::read, "mailpipe-delivered-ledger");
        this.reader.setDaemon(true);
    }

    /** Starts reading the topic; {@link #awaitCaughtUp} tells when everything written before the start is known. */
    public void start() {
        reader.start();
    }

    /** Waits until every marker that existed when reading started is known; false on timeout. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isDelivered(String queueId, String recipient) {
        return recent.containsKey(key(queueId, recipient));
    }

    /** The marker to write for a delivered recipient; {@link #remember} it once acknowledged. */
    public ProducerRecord<byte[], byte[]> marker(String queueId, String recipient, Instant at) {
        return new ProducerRecord<>(topic, key(queueId, recipient).getBytes(StandardCharsets.UTF_8),
                at.toString().getBytes(StandardCharsets.US_ASCII));
    }

    public void remember(String queueId, String recipient) {
        recent.put(key(queueId, recipient), Boolean.TRUE);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        reader.join(10000);
    }

    private void read() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        recent.put(new String(record.key(), StandardCharsets.UTF_8), Boolean.TRUE);
                    }
                }
                if (caughtUp.getCount() > 0 && reached(ends)) {
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException stopping) {
            // close() asked the reader to stop
        } finally {
            consumer.close();
        }
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        Set<TopicPartition> partitions = ends.keySet();
        return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
    }

    private static String key(String queueId, String recipient) {
        return queueId + " " + recipient;
    }
}
