package io.mailpipe.queue.kafka;

import io.mailpipe.feedback.SuppressionEntry;
import io.mailpipe.queue.DeliveryEvent;
import io.mailpipe.queue.QueueRecord;
import io.mailpipe.queue.RecipientState;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The suppression list as the delivery cycle uses it: which pending recipients of a record are suppressed for the
 * message's tenant (looked up at every attempt, so entries added after enqueue count), and which bounces add
 * entries ({@link HardBounceSuppression}). {@link #OFF} suppresses nothing and adds nothing.
 */
public final class KafkaSuppressions {

    public static final KafkaSuppressions OFF = new KafkaSuppressions(null, new HardBounceSuppression(Set.of()));

    private final SuppressionList list;
    private final HardBounceSuppression hardBounces;

    public KafkaSuppressions(SuppressionList list, HardBounceSuppression hardBounces) {
        this.list = list;
        this.hardBounces = hardBounces;
    }

    /** The suppressed recipients among {@code pending}, by address as written in the record. */
    public Map<String, SuppressionEntry> matching(QueueRecord record, List<RecipientState> pending) {
        Map<String, SuppressionEntry> found = new HashMap<>();
        if (list == null) {
            return found;
        }
        for (RecipientState state : pending) {
            if (state.address().indexOf('@') > 0) {
                list.find(record.tags().tenant(), state.address()).ifPresent(e -> found.put(state.address(), e));
            }
        }
        return found;
    }

    /** The entries the bounces among {@code events} add (none when the list is off). */
    public List<SuppressionEntry> addedBy(List<DeliveryEvent> events) {
        return list == null ? List.of() : hardBounces.entriesFor(events);
    }

    public ProducerRecord<byte[], byte[]> record(SuppressionEntry entry) {
        return list.record(entry);
    }

    public void remember(SuppressionEntry entry) {
        list.remember(entry);
    }
}
