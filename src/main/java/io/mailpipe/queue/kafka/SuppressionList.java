package io.mailpipe.queue.kafka;

import io.mailpipe.feedback.SuppressionEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The suppression list, kept in the compacted topic {@code mail.suppressed} (format: {@link SuppressionEntry}; a
 * tombstone removes an address) and held whole in memory: a background thread reads every partition from the
 * start and follows new records, so additions by operators and by other replicas take effect while messages are
 * queued. An address is suppressed for a tenant when it is listed in that tenant's scope or in the global scope.
 */
public final class SuppressionList implements AutoCloseable {

    private final String topic;
    private final Map<String, SuppressionEntry> entries = new ConcurrentHashMap<>();
    private final CompactedTopicFollower follower;

    public SuppressionList(String bootstrapServers, String topic) {
        this.topic = topic;
        this.follower = new CompactedTopicFollower(bootstrapServers, topic, "mailpipe-suppression-list",
                this::apply);
    }

    public void start() {
        follower.start();
    }

    /** Waits until every record that existed when reading started is applied; false on timeout. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return follower.awaitCaughtUp(timeout);
    }

    /** The entry that suppresses {@code address} for {@code tenant} (null: no tenant), the tenant's own first. */
    public Optional<SuppressionEntry> find(String tenant, String address) {
        SuppressionEntry own = tenant == null || tenant.isBlank() || tenant.contains("/") ? null
                : entries.get(SuppressionEntry.key(tenant, address));
        return Optional.ofNullable(own != null ? own : entries.get(SuppressionEntry.key(null, address)));
    }

    /** Every entry now known, ordered by key. */
    public List<SuppressionEntry> entries() {
        return entries.values().stream().sorted(Comparator.comparing(SuppressionEntry::key)).toList();
    }

    /** The record that adds or replaces an entry; {@link #remember} it once acknowledged. */
    public ProducerRecord<byte[], byte[]> record(SuppressionEntry entry) {
        return new ProducerRecord<>(topic, entry.key().getBytes(StandardCharsets.UTF_8), entry.toJson());
    }

    /** The tombstone that removes an address from a scope (null: global). */
    public ProducerRecord<byte[], byte[]> removal(String scope, String address) {
        return new ProducerRecord<>(topic, SuppressionEntry.key(scope, address).getBytes(StandardCharsets.UTF_8),
                null);
    }

    /** Applies an entry at once, before the reader sees it come back from the topic. */
    public void remember(SuppressionEntry entry) {
        entries.put(entry.key(), entry);
    }

    @Override
    public void close() throws InterruptedException {
        follower.close();
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        String key = new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            entries.remove(key);
        } else {
            entries.put(key, SuppressionEntry.fromJson(record.value()));
        }
    }
}
