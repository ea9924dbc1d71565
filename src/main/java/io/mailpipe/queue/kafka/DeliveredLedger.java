package io.mailpipe.queue.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
    private final CompactedTopicFollower follower;

    public DeliveredLedger(String bootstrapServers, String topic, int capacity) {
        this.topic = topic;
        this.recent = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        });
        this.follower = new CompactedTopicFollower(bootstrapServers, topic, "mailpipe-delivered-ledger", record -> {
            if (record.value() != null) {
                recent.put(new String(record.key(), StandardCharsets.UTF_8), Boolean.TRUE);
            }
        });
    }

    /** Starts reading the topic; {@link #awaitCaughtUp} tells when everything written before the start is known. */
    public void start() {
        follower.start();
    }

    /** Waits until every marker that existed when reading started is known; false on timeout. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return follower.awaitCaughtUp(timeout);
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
        follower.close();
    }

    private static String key(String queueId, String recipient) {
        return queueId + " " + recipient;
    }
}
