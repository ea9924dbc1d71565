package io.mailpipe.queue.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailpipe.queue.AttemptResolution;
import io.mailpipe.queue.DeliveryEvent;
import io.mailpipe.queue.JsonLinesEventLog;
import io.mailpipe.queue.QueueRecord;
import io.mailpipe.queue.RecipientState;
import io.mailpipe.queue.RecipientStatus;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The records that store the result of one attempt: where the message goes next by its {@link AttemptResolution}
 * (deferred: the retry tier for the time to wait, due at the next attempt or after the tier's delay, whichever is
 * first; dead: {@code mail.dead}; all delivered: nowhere), one JSON event per recipient outcome on
 * {@code mail.events} (keyed by queue id; the fields of {@link JsonLinesEventLog}), and a {@link DeliveredLedger}
 * marker per recipient newly delivered.
 */
public final class KafkaOutcomes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaQueueTopics topics;
    private final DeliveredLedger ledger;

    public KafkaOutcomes(KafkaQueueTopics topics, DeliveredLedger ledger) {
        this.topics = topics;
        this.ledger = ledger;
    }

    public List<ProducerRecord<byte[], byte[]>> after(QueueRecord before, AttemptResolution resolution, String key,
                                                      byte[] body, Instant now) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        QueueRecord stored = resolution.record().nextRevision();
        switch (resolution.disposition()) {
            case DEFER -> records.add(toTier(stored, key, body, now));
            case DEAD -> records.add(KafkaQueueFormat.toRecord(topics.dead(), key, stored, body, null));
            case REMOVE -> { }
        }
        newlyDelivered(before, resolution.record())
                .forEach(address -> records.add(ledger.marker(before.queueId(), address, now)));
        resolution.events().forEach(event -> records.add(event(event)));
        return records;
    }

    /** The record of a message put back into the tier that fits the time until its next attempt. */
    public ProducerRecord<byte[], byte[]> toTier(QueueRecord message, String key, byte[] body, Instant now) {
        Instant next = message.nextAttemptAt() == null ? now : message.nextAttemptAt();
        RetryTiers.Tier tier = topics.tiers().forWait(Duration.between(now, next));
        Instant tierDue = now.plus(tier.delay());
        Instant dueAt = next.isBefore(tierDue) ? next : tierDue;
        return KafkaQueueFormat.toRecord(topics.retry(tier), key, message, body, dueAt);
    }

    /** The addresses delivered in {@code after} that were still pending in {@code before}. */
    public static List<String> newlyDelivered(QueueRecord before, QueueRecord after) {
        List<String> delivered = new ArrayList<>();
        for (int i = 0; i < after.recipients().size(); i++) {
            RecipientState now = after.recipients().get(i);
            if (now.status() == RecipientStatus.DELIVERED && before.recipients().get(i).isPending()) {
                delivered.add(now.address());
            }
        }
        return delivered;
    }

    private ProducerRecord<byte[], byte[]> event(DeliveryEvent event) {
        try {
            byte[] json = JSON.writeValueAsBytes(JsonLinesEventLog.toJson(event));
            return new ProducerRecord<>(topics.events(), event.queueId().getBytes(StandardCharsets.UTF_8), json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
