package io.mailpipe.queue.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads a compacted topic whole and keeps following it: a background thread assigns itself every partition (no
 * consumer group, so every instance sees every record), starts at the beginning and hands each record to the owner,
 * which keeps the latest value per key. {@link #awaitCaughtUp} tells when everything written before the start is
 * applied. Used by the delivered ledger and the suppression list of the Kafka queue.
 */
final class CompactedTopicFollower implements AutoCloseable {

    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Consumer<ConsumerRecord<byte[], byte[]>> apply;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Thread reader;
    private volatile boolean running = true;

    CompactedTopicFollower(String bootstrapServers, String topic, String threadName,
                           Consumer<ConsumerRecord<byte[], byte[]>> apply) {
        this.topic = topic;
        this.apply = apply;
        this.consumer = new KafkaConsumer<>(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        this.reader = new Thread(this::read, threadName);
        this.reader.setDaemon(true);
    }

    void start() {
        reader.start();
    }

    /** Waits until every record that existed when reading started is applied; false on timeout. */
    boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
                consumer.poll(Duration.ofMillis(500)).forEach(apply);
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
        return ends.keySet().stream().allMatch(p -> consumer.position(p) >= ends.get(p));
    }
}
