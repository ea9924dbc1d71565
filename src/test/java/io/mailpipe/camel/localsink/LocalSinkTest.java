package io.mailpipe.camel.localsink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailpipe.camel.mx.MxConstants;
import io.mailpipe.camel.routing.DeliveryEnvelopes;
import io.mailpipe.camel.smtpd.SmtpdConstants;
import io.mailpipe.camel.support.RawMessage;
import io.mailpipe.delivery.DeliveryReport;
import io.mailpipe.delivery.RecipientOutcome;
import io.mailpipe.delivery.RecipientResult;
import io.mailpipe.smtp.Envelope;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local sink writes the message and its envelope whole, names them stably and reports every recipient. */
class LocalSinkTest {

    private static final byte[] MESSAGE = "Received: by test\r\nSubject: hi\r\n\r\nbody \u00e9\r\n"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path directory;

    @Test
    void theMessageAndItsEnvelopeAreStoredAndEveryRecipientIsDelivered() throws Exception {
        LocalSink sink = sink(directory.resolve("outbox"));
        Exchange exchange = exchange("Q1", List.of("a@localhost", "b@localhost"));

        sink.write(exchange);

        List<String> files = files(directory.resolve("outbox"));
        assertEquals(2, files.size(), files.toString());
        String name = files.get(0).substring(0, files.get(0).length() - ".eml".length());
        assertTrue(name.startsWith("Q1-"), name);
        assertArrayEquals(MESSAGE, Files.readAllBytes(directory.resolve("outbox/" + name + ".eml")));
        JsonNode json = new ObjectMapper().readTree(directory.resolve("outbox/" + name + ".json").toFile());
        assertEquals("Q1", json.path("queueId").asText());
        assertEquals("s@sender.test", json.path("mailFrom").asText());
        assertEquals("8BITMIME", json.path("body").asText());
        assertEquals("2026-01-02T03:04:05Z", json.path("receivedAt").asText());
        assertEquals(List.of("a@localhost", "b@localhost"), json.path("recipients").findValuesAsText("address"));
        assertEquals("FAILURE", json.path("recipients").get(0).path("notify").get(0).asText());
        assertEquals("alice", json.path("authenticatedUser").asText());
        assertEquals(name + ".eml", json.path("message").asText());
        DeliveryReport report = exchange.getMessage().getHeader(MxConstants.DELIVERY_REPORT, DeliveryReport.class);
        assertEquals(List.of("a@localhost", "b@localhost"), report.results().stream().map(RecipientResult::recipient)
                .toList());
        assertTrue(report.results().stream().allMatch(r -> r.outcome() == RecipientOutcome.DELIVERED
                && r.reply().code() == 250));
    }

    @Test
    void theSameRecipientsAgainRewriteTheSamePairOthersGetTheirOwn() throws Exception {
        LocalSink sink = sink(directory);

        sink.write(exchange("Q2", List.of("a@localhost", "b@localhost")));
        sink.write(exchange("Q2", List.of("B@localhost", "a@localhost")));
        assertEquals(2, files(directory).size());
        sink.write(exchange("Q2", List.of("c@localhost")));

        assertEquals(4, files(directory).size());
        assertNotEquals(LocalSink.fileName("Q2", envelope(List.of("a@localhost"))),
                LocalSink.fileName("Q3", envelope(List.of("a@localhost"))));
    }

    @Test
    void aFailedWriteLeavesNoFileAndIsThrown() throws Exception {
        Path blocked = Files.writeString(directory.resolve("not-a-directory"), "x");
        LocalSink sink = sink(blocked);

        assertThrows(java.io.IOException.class, () -> sink.write(exchange("Q4", List.of("a@localhost"))));
        assertEquals(List.of("not-a-directory"), files(directory));
    }

    @Test
    void noTemporaryFileIsLeftBehind() throws Exception {
        sink(directory).write(exchange("Q5", List.of("a@localhost")));

        assertFalse(files(directory).stream().anyMatch(f -> f.startsWith(".") || f.endsWith(".tmp")));
    }

    private static LocalSink sink(Path directory) {
        LocalSink sink = new LocalSink();
        sink.setDirectory(directory.toString());
        return sink;
    }

    private static Exchange exchange(String queueId, List<String> recipients) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(RawMessage.of(MESSAGE));
        exchange.getMessage().setHeader(SmtpdConstants.QUEUE_ID, queueId);
        exchange.getMessage().setHeader(SmtpdConstants.RECEIVED_AT, Instant.parse("2026-01-02T03:04:05Z"));
        exchange.getMessage().setHeader(SmtpdConstants.AUTHENTICATED_USER, "alice");
        DeliveryEnvelopes.write(exchange.getMessage(), envelope(recipients));
        return exchange;
    }

    private static Envelope envelope(List<String> recipients) {
        return new Envelope(new MailFrom("s@sender.test", OptionalLong.empty(), MailFrom.BodyType.EIGHT_BIT_MIME,
                false, null, null), recipients.stream()
                .map(a -> new Recipient(a, Set.of(Recipient.Notify.FAILURE), null)).toList());
    }

    private static List<String> files(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
