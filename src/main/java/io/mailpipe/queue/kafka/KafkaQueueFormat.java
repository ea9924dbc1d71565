package io.mailpipe.queue.kafka;

import io.mailpipe.queue.QueueRecord;
import io.mailpipe.queue.QueueRecordJson;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Function;

/**
 * The Kafka record of a queued message, format version {@value #VERSION}:
 * <pre>
 *   key     the recipient domain the record is for, lower-case UTF-8 (RFC 5321 §2.3.5); all of a destination's
 *           mail shares a partition
 *   value   the message exactly as received, RFC 5322 octets (RFC 5321 §4.4: our Received field on top)
 *   headers mailpipe-format  "1" (ASCII); a reader refuses a record without it or with a newer version
 *           mailpipe-record  the {@link QueueRecordJson} document: envelope (MAIL FROM with SIZE, BODY, SMTPUTF8,
 *                            RET, ENVID; RCPT with NOTIFY, ORCPT) and each recipient's state, attempts, next
 *                            attempt time, last error, client address and HELO name; the sender's tags and
 *                            notAfter when the message has them
 *           mailpipe-due-at  ISO-8601 instant before which a retry tier does not hand the record on; absent on
 *                            mail.incoming (due at once)
 * </pre>
 * The same record travels unchanged in meaning through mail.incoming, the retry tiers and mail.dead; only the
 * mailpipe-record document (recipient states, attempts) and mailpipe-due-at change between copies.
 */
public final class KafkaQueueFormat {

    public static final int VERSION = 1;
    public static final String FORMAT_HEADER = "mailpipe-format";
    public static final String RECORD_HEADER = "mailpipe-record";
    public static final String DUE_AT_HEADER = "mailpipe-due-at";

    private KafkaQueueFormat() {
    }

    /** The record of {@code message} for {@code topic}, keyed by {@code domain}; {@code dueAt} may be null. */
    public static ProducerRecord<byte[], byte[]> toRecord(String topic, String domain, QueueRecord message,
                                                          byte[] body, Instant dueAt) {
        Headers headers = new RecordHeaders();
        headers.add(FORMAT_HEADER, ascii(Integer.toString(VERSION)));
        headers.add(RECORD_HEADER, QueueRecordJson.toBytes(message));
        if (dueAt != null) {
            headers.add(DUE_AT_HEADER, ascii(dueAt.toString()));
        }
        return new ProducerRecord<>(topic, null, domain.getBytes(StandardCharsets.UTF_8), body, headers);
    }

    /** Reads the queue record from the headers of a consumed record, given as a lookup by header name. */
    public static QueueRecord readRecord(Function<String, byte[]> header) throws IOException {
        byte[] format = header.apply(FORMAT_HEADER);
        if (format == null) {
            throw new IOException("not a mailpipe queue record: no " + FORMAT_HEADER + " header");
        }
        String version = new String(format, StandardCharsets.US_ASCII);
        if (!version.equals(Integer.toString(VERSION))) {
            throw new IOException("unsupported mailpipe queue record format " + version);
        }
        byte[] record = header.apply(RECORD_HEADER);
        if (record == null) {
            throw new IOException("mailpipe queue record without " + RECORD_HEADER + " header");
        }
        return QueueRecordJson.fromBytes(record);
    }

    /** The instant the record is due in its tier, or null when it is due at once. */
    public static Instant readDueAt(Function<String, byte[]> header) {
        byte[] due = header.apply(DUE_AT_HEADER);
        return due == null ? null : Instant.parse(new String(due, StandardCharsets.US_ASCII));
    }

    /** A lookup over Kafka headers, the last value of each name winning. */
    public static Function<String, byte[]> lookup(Headers headers) {
        return name -> {
            Header last = headers.lastHeader(name);
            return last == null ? null : last.value();
        };
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
