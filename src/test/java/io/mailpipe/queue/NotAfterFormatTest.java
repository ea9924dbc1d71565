package io.mailpipe.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailpipe.queue.kafka.KafkaQueueFormat;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A message's notAfter travels with it through both stored forms (spool file, Kafka record) and every later state;
 * it is written only when set and needs no new record version; documents without it read as messages without a
 * cut-off.
 */
class NotAfterFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant RECEIVED = Instant.parse("2026-11-23T10:15:30Z");
    private static final Instant NOT_AFTER = Instant.parse("2026-11-23T12:00:00Z");
    private static final byte[] BODY = "Subject: t\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void notAfterSurvivesTheSpoolFile() throws IOException {
        QueueRecord record = QueueRecords.acceptedUntil("N1", RECEIVED, NOT_AFTER, "a@x.example", "b@y.example");
        Path file = dir.resolve("q");
        try (OutputStream out = Files.newOutputStream(file)) {
            QueueFileFormat.write(out, record, new ByteArrayInputStream(BODY), BODY.length);
        }

        assertEquals(record, QueueFileFormat.readVerified(file).record());
        assertEquals(NOT_AFTER, QueueFileFormat.readHeader(file).record().notAfter());
    }

    @Test
    void notAfterSurvivesTheKafkaRecordAfterAnAttemptAndARevision() throws IOException {
        QueueRecord deferred = QueueRecords.acceptedUntil("N2", RECEIVED, NOT_AFTER, "a@x.example", "b@y.example")
                .afterAttempt(Instant.parse("2026-11-23T11:00:00Z"), "busy").nextRevision();
        ProducerRecord<byte[], byte[]> record = KafkaQueueFormat.toRecord("mail.retry.1m", "y.example", deferred,
                BODY, deferred.nextAttemptAt());

        QueueRecord read = KafkaQueueFormat.readRecord(KafkaQueueFormat.lookup(record.headers()));

        assertEquals(deferred, read);
        assertEquals(NOT_AFTER, read.notAfter());
    }

    @Test
    void notAfterIsWrittenOnlyWhenSetAndKeepsTheVersion() throws IOException {
        JsonNode with = JSON.readTree(QueueRecordJson.toBytes(
                QueueRecords.acceptedUntil("N3", RECEIVED, NOT_AFTER, "a@x.example", "b@y.example")));
        JsonNode without = JSON.readTree(QueueRecordJson.toBytes(
                QueueRecords.accepted("N4", RECEIVED, "a@x.example", "b@y.example")));

        assertEquals("2026-11-23T12:00:00Z", with.path("notAfter").asText());
        assertEquals(1, with.path("v").asInt());
        assertFalse(without.has("notAfter"));
    }

    @Test
    void aVersionTwoDocumentWithoutNotAfterReadsAsAMessageWithoutACutOff() throws IOException {
        String old = "{\"v\":2,\"queueId\":\"Q1\",\"receivedAt\":\"2026-11-23T10:15:30Z\",\"attempts\":1,"
                + "\"nextAttemptAt\":\"2026-11-23T10:20:30Z\",\"lastError\":null,\"revision\":3,\"clientIp\":null,"
                + "\"heloName\":null,\"mailFrom\":{\"reversePath\":\"a@x.example\",\"body\":\"SEVEN_BIT\","
                + "\"smtputf8\":false,\"ret\":null,\"envid\":null},\"recipients\":[{\"address\":\"b@y.example\","
                + "\"notify\":[],\"orcpt\":null,\"status\":\"PENDING\",\"mxHost\":null}],"
                + "\"tags\":{\"tenant\":\"acme\"}}";

        QueueRecord read = QueueRecordJson.fromBytes(old.getBytes(StandardCharsets.UTF_8));

        assertNull(read.notAfter());
        assertEquals("acme", read.tags().tenant());
        assertFalse(read.isPastNotAfter(Instant.MAX));
    }
}
