package io.mailpipe.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailpipe.queue.kafka.KafkaQueueFormat;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;
import io.mailpipe.smtp.SmtpReply;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The sender's tags travel with a queued message through both stored forms (spool file, Kafka record) and into its
 * delivery events; records written before tags existed (version 1) still read, as messages without tags.
 */
class MessageTagsFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MessageTags TAGS = new MessageTags("acme", "nov-promo", "req-42");
    private static final byte[] BODY = "Subject: t\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void tagsSurviveTheSpoolFile() throws IOException {
        QueueRecord record = tagged();
        Path file = dir.resolve("q");
        try (OutputStream out = Files.newOutputStream(file)) {
            QueueFileFormat.write(out, record, new ByteArrayInputStream(BODY), BODY.length);
        }

        assertEquals(record, QueueFileFormat.readVerified(file).record());
        assertEquals(TAGS, QueueFileFormat.readHeader(file).record().tags());
    }

    @Test
    void tagsSurviveTheKafkaRecordAndEveryLaterState() throws IOException {
        QueueRecord deferred = tagged().afterAttempt(Instant.parse("2026-11-23T11:00:00Z"), "busy").nextRevision();
        ProducerRecord<byte[], byte[]> record = KafkaQueueFormat.toRecord("mail.retry.1m", "y.example", deferred,
                BODY, deferred.nextAttemptAt());

        QueueRecord read = KafkaQueueFormat.readRecord(KafkaQueueFormat.lookup(record.headers()));

        assertEquals(deferred, read);
        assertEquals(TAGS, read.tags());
    }

    @Test
    void aRecordWithTagsIsVersionTwoAndOneWithoutStaysVersionOne() throws IOException {
        JsonNode withTags = JSON.readTree(QueueRecordJson.toBytes(tagged()));
        JsonNode without = JSON.readTree(QueueRecordJson.toBytes(untagged()));

        assertEquals(2, withTags.path("v").asInt());
        assertEquals("acme", withTags.path("tags").path("tenant").asText());
        assertEquals(1, without.path("v").asInt());
        assertFalse(without.has("tags"));
    }

    @Test
    void aVersionOneDocumentWrittenBeforeTagsExistedStillReads() throws IOException {
        String old = "{\"v\":1,\"queueId\":\"Q1\",\"receivedAt\":\"2026-11-23T10:15:30Z\",\"attempts\":0,"
                + "\"nextAttemptAt\":null,\"lastError\":null,\"revision\":0,\"clientIp\":\"192.0.2.1\","
                + "\"heloName\":\"c.example\",\"mailFrom\":{\"reversePath\":\"a@x.example\",\"body\":\"SEVEN_BIT\","
                + "\"smtputf8\":false,\"ret\":null,\"envid\":null},\"recipients\":[{\"address\":\"b@y.example\","
                + "\"notify\":[],\"orcpt\":null,\"status\":\"PENDING\",\"mxHost\":null}]}";

        QueueRecord read = QueueRecordJson.fromBytes(old.getBytes(StandardCharsets.UTF_8));

        assertEquals(MessageTags.NONE, read.tags());
        assertEquals("b@y.example", read.recipients().get(0).address());
    }

    @Test
    void deliveryEventsCarryTheTagsAndOmitAbsentOnes() {
        DeliveryEvent tagged = new DeliveryEvent(Instant.EPOCH, DeliveryEvent.Type.DELIVERED, "Q1", "b@y.example", 1,
                SmtpReply.of(250, "2.0.0", "ok"), "mx.y.example", null, null, new MessageTags("acme", null, "req-42"));
        JsonNode json = JsonLinesEventLog.toJson(tagged);

        assertEquals("acme", json.path("tenant").asText());
        assertEquals("req-42", json.path("idempotencyKey").asText());
        assertFalse(json.has("campaign"));
        JsonNode plain = JsonLinesEventLog.toJson(new DeliveryEvent(Instant.EPOCH, DeliveryEvent.Type.DELIVERED,
                "Q2", "b@y.example", 1, null, null, null));
        assertFalse(plain.has("tenant") || plain.has("campaign") || plain.has("idempotencyKey"));
    }

    private static QueueRecord tagged() {
        return QueueRecord.accepted("Q1", Instant.parse("2026-11-23T10:15:30Z"), from(),
                List.of(new Recipient("b@y.example", Set.of(), null)), null, null, TAGS);
    }

    private static QueueRecord untagged() {
        return QueueRecord.accepted("Q2", Instant.parse("2026-11-23T10:15:30Z"), from(),
                List.of(new Recipient("b@y.example", Set.of(), null)), null, null);
    }

    private static MailFrom from() {
        return new MailFrom("a@x.example", OptionalLong.empty(), MailFrom.BodyType.EIGHT_BIT_MIME, false, null, null);
    }
}
