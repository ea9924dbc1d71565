package io.mailpipe.app.observe;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queue depth in Kafka mode: for each topic a consumer group reads, the records not yet consumed (end offset minus
 * committed offset, or minus the earliest offset while the group has committed none), summed over partitions. The
 * numbers are refreshed by {@link #refresh()} (called periodically by the owner) and gauges read the last ones.
 */
public final class KafkaLagMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaLagMonitor.class);

    /** A topic and the consumer group that reads it. */
    public record Subscription(String topic, String groupId) {
    }

    private final Admin admin;
    private final MeterRegistry registry;
    private final Supplier<List<Subscription>> subscriptions;
    private final Duration timeout;
    private final Map<String, AtomicLong> lags = new ConcurrentHashMap<>();

    public KafkaLagMonitor(Admin admin, MeterRegistry registry, Supplier<List<Subscription>> subscriptions,
                           Duration timeout) {
        this.admin = admin;
        this.registry = registry;
        this.subscriptions = subscriptions;
        this.timeout = timeout;
    }

    /** Reads the offsets of every subscription now; failures are logged and leave the last numbers. */
    public void refresh() {
        for (Subscription subscription : subscriptions.get()) {
            try {
                gauge(subscription.topic()).set(lag(subscription));
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
                LOG.debug("cannot read the lag of {} for {}", subscription.topic(), subscription.groupId(), e);
            }
        }
    }

    private long lag(Subscription subscription) throws Exception {
        TopicDescription topic = admin.describeTopics(List.of(subscription.topic())).allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(subscription.topic());
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(subscription.groupId())
                .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        topic.partitions().forEach(p -> {
            TopicPartition partition = new TopicPartition(subscription.topic(), p.partition());
            latest.put(partition, OffsetSpec.latest());
            earliest.put(partition, OffsetSpec.earliest());
        });
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        long lag = 0;
        for (TopicPartition partition : latest.keySet()) {
            OffsetAndMetadata done = committed.get(partition);
            long from = done != null ? done.offset() : starts.get(partition).offset();
            lag += Math.max(0, ends.get(partition).offset() - from);
        }
        return lag;
    }

    private AtomicLong gauge(String topic) {
        return lags.computeIfAbsent(topic, t -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("mailpipe.queue.kafka.lag", value, AtomicLong::get)
                    .description("Records of a queue topic its consumer group has not consumed yet")
                    .tag("topic", t).register(registry);
            return value;
        });
    }
}
