package io.mailpipe.queue.kafka;

import io.mailpipe.queue.QueueRecord;
import io.mailpipe.queue.RecipientState;
import io.mailpipe.smtp.MessageRejectedException;
import io.mailpipe.smtp.SmtpReply;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Writes queue records and waits until the broker acknowledged every one of them (acks=all, idempotent producer; see
 * {@link KafkaQueueSettings#producerProperties()}), so a caller that returns normally may promise durability (RFC 5321
 * §6.1: the 250 to the end of DATA takes responsibility). A message larger than the queue accepts is refused with
 * 552 5.3.4 (RFC 3463 §3.4: message too big for system) instead of a transient failure the client would retry.
 */
public final class KafkaQueueWriter implements AutoCloseable {

    /** Room kept for the record headers and batch framing on top of the message itself. */
    static final int RECORD_OVERHEAD = 8192;
    static final SmtpReply TOO_BIG = SmtpReply.of(552, "5.3.4", "Message too big for the queue");

    private final Producer<byte[], byte[]> producer;
    private final KafkaQueueTopics topics;
    private final int maxRequestSize;

    public KafkaQueueWriter(Producer<byte[], byte[]> producer, KafkaQueueTopics topics, int maxRequestSize) {
        this.producer = producer;
        this.topics = topics;
        this.maxRequestSize = maxRequestSize;
    }

    public static KafkaQueueWriter connect(KafkaQueueSettings settings) {
        return new KafkaQueueWriter(new KafkaProducer<>(settings.producerProperties()), settings.topics(),
                settings.maxRequestSize());
    }

    /**
     * Puts a freshly accepted message on {@code mail.incoming}: one record per recipient domain, keyed by that
     * domain, each carrying only its domain's recipients. Returns when every record is acknowledged.
     */
    public void enqueue(QueueRecord accepted, byte[] body) throws IOException {
        requireFits(body.length, accepted.recipients().size());
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        byDomain(accepted).forEach((domain, part) ->
                records.add(KafkaQueueFormat.toRecord(topics.incoming(), domain, part, body, null)));
        send(records);
    }

    /** Refuses with 552 5.3.4 a message that cannot fit in one record, before anything is read or sent. */
    public void requireFits(long bodyLength, int recipients) {
        if (bodyLength + RECORD_OVERHEAD + recipients * 512L > maxRequestSize) {
            throw new MessageRejectedException(TOO_BIG);
        }
    }

    /** Sends {@code records} and returns once all are acknowledged; fails if any is not. */
    public void send(List<ProducerRecord<byte[], byte[]>> records) throws IOException {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        try {
            for (ProducerRecord<byte[], byte[]> record : records) {
                acks.add(producer.send(record));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecordTooLargeException) {
                throw new MessageRejectedException(TOO_BIG);
            }
            throw new IOException("the broker did not acknowledge the record: " + e.getCause(), e.getCause());
        } catch (RecordTooLargeException e) {
            throw new MessageRejectedException(TOO_BIG);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the broker's acknowledgement", e);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new IOException("the broker did not take the record: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    /** The message split by recipient domain, in first-seen order, each part with its own recipients only. */
    static Map<String, QueueRecord> byDomain(QueueRecord message) {
        Map<String, List<RecipientState>> groups = new LinkedHashMap<>();
        for (RecipientState state : message.recipients()) {
            groups.computeIfAbsent(state.recipient().domain(), d -> new ArrayList<>()).add(state);
        }
        Map<String, QueueRecord> parts = new LinkedHashMap<>();
        groups.forEach((domain, states) -> parts.put(domain, message.withRecipientStates(states)));
        return parts;
    }
}
