package io.mailpipe.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailpipe.smtp.SmtpReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Delivery events as JSON lines: every field of an outcome, and rotation that keeps a bounded number of files. */
class JsonLinesEventLogTest {

    private static final Instant AT = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aDeferralIsOneLineWithReplyHostAndNextAttempt() throws Exception {
        Path file = dir.resolve("events.log");
        try (JsonLinesEventLog log = new JsonLinesEventLog(file, 1 << 20, 2)) {
            log.record(new DeliveryEvent(AT, DeliveryEvent.Type.DEFERRED, "Q1", "b@y.example", 3,
                    new SmtpReply(451, "4.7.1", List.of("greylisted", "try later")), "mx.y.example",
                    AT.plusSeconds(600)));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(1, lines.size());
        JsonNode event = new ObjectMapper().readTree(lines.get(0));
        assertEquals("deferred", event.get("event").asText());
        assertEquals("Q1", event.get("queueId").asText());
        assertEquals("b@y.example", event.get("recipient").asText());
        assertEquals(3, event.get("attempt").asInt());
        assertEquals(451, event.get("code").asInt());
        assertEquals("4.7.1", event.get("enhancedStatus").asText());
        assertEquals("greylisted try later", event.get("reply").asText());
        assertEquals("mx.y.example", event.get("mxHost").asText());
        assertEquals("2026-11-23T08:10:00Z", event.get("nextAttemptAt").asText());
        assertEquals("2026-11-23T08:00:00Z", event.get("at").asText());
    }

    @Test
    void theLogRotatesBySizeAndKeepsOnlyTheNewestFiles() throws Exception {
        Path file = dir.resolve("events.log");
        try (JsonLinesEventLog log = new JsonLinesEventLog(file, 300, 2)) {
            for (int i = 0; i < 20; i++) {
                log.record(new DeliveryEvent(AT, DeliveryEvent.Type.DELIVERED, "Q" + i, "b@y.example", 1,
                        SmtpReply.of(250, "2.0.0", "ok"), "mx", null));
            }
        }
        assertTrue(Files.exists(file));
        assertTrue(Files.exists(dir.resolve("events.log.1")));
        assertTrue(Files.exists(dir.resolve("events.log.2")));
        assertFalse(Files.exists(dir.resolve("events.log.3")));
        assertTrue(Files.size(file) <= 300);
        assertTrue(Files.readString(file).contains("\"queueId\":\"Q19\""));
        assertTrue(Files.readString(dir.resolve("events.log.1")).contains("\"queueId\":\"Q1"));
    }
}
