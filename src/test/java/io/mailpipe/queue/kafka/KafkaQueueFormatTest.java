package io.mailpipe.queue.kafka;

import io.mailpipe.queue.QueueRecord;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The Kafka record format: round trip of envelope and state, version check, per-domain split, tier choice. */
class KafkaQueueFormatTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-23T10:00:00Z");

    private static QueueRecord message() {
        MailFrom from = new MailFrom("a@example.org", OptionalLong.of(42), MailFrom.BodyType.EIGHT_BIT_MIME, false,
                MailFrom.DsnReturn.HDRS, "env-1");
        return QueueRecord.accepted("Q1", RECEIVED, from, List.of(
                new Recipient("x@One.example", Set.of(Recipient.Notify.FAILURE), "rfc822;x@one.example"),
                new Recipient("y@two.example", Set.of(), null),
                new Recipient("z@one.example", Set.of(), null)), "192.0.2.1", "client.example");
    }

    @Test
    void aRecordCarriesTheEnvelopeAndStateInHeadersAndTheMessageAsValue() throws IOException {
        byte[] body = "Subject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        Instant due = RECEIVED.plusSeconds(60);
        ProducerRecord<byte[], byte[]> record = KafkaQueueFormat.toRecord("mail.retry.1m", "one.example", message(),
                body, due);

        assertArrayEquals(body, record.value());
        assertEquals("one.example", new String(record.key(), StandardCharsets.UTF_8));
        assertEquals(message(), KafkaQueueFormat.readRecord(KafkaQueueFormat.lookup(record.headers())));
        assertEquals(due, KafkaQueueFormat.readDueAt(KafkaQueueFormat.lookup(record.headers())));
        assertNull(KafkaQueueFormat.readDueAt(name -> null));
    }

    @Test
    void aRecordOfAnotherFormatVersionIsRefused() {
        Map<String, byte[]> headers = Map.of(KafkaQueueFormat.FORMAT_HEADER, "2".getBytes(StandardCharsets.US_ASCII));
        assertThrows(IOException.class, () -> KafkaQueueFormat.readRecord(headers::get));
        assertThrows(IOException.class, () -> KafkaQueueFormat.readRecord(name -> null));
    }

    @Test
    void anAcceptedMessageIsSplitIntoOneRecordPerRecipientDomain() {
        Map<String, QueueRecord> parts = KafkaQueueWriter.byDomain(message());

        assertEquals(List.of("one.example", "two.example"), List.copyOf(parts.keySet()));
        assertEquals(List.of("x@One.example", "z@one.example"), parts.get("one.example").recipients().stream()
                .map(r -> r.address()).toList());
        assertEquals("Q1", parts.get("two.example").queueId());
    }

    @Test
    void aDeferralGoesToTheLongestTierThatDoesNotOvershoot() {
        RetryTiers tiers = RetryTiers.parse(RetryTiers.DEFAULT);

        assertEquals("1m", tiers.forWait(Duration.ofSeconds(20)).name());
        assertEquals("1m", tiers.forWait(Duration.ofMinutes(9)).name());
        assertEquals("10m", tiers.forWait(Duration.ofMinutes(10)).name());
        assertEquals("1h", tiers.forWait(Duration.ofHours(5)).name());
        assertEquals("6h", tiers.forWait(Duration.ofDays(2)).name());
        assertThrows(IllegalArgumentException.class, () -> RetryTiers.parse("1m,soon"));
    }
}
