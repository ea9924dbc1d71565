package io.mailpipe.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailpipe.queue.Disposition;
import io.mailpipe.queue.QueueRecords;
import io.mailpipe.queue.spool.Claim;
import io.mailpipe.queue.spool.QueuedMessage;
import io.mailpipe.queue.spool.Spool;
import io.mailpipe.queue.spool.SpoolSettings;
import io.mailpipe.queue.spool.SpoolState;
import io.mailpipe.smtp.MessageBytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mailpipe queue} over a spool built with the Spool API in a temporary directory. */
class QueueCommandTest {

    private static final SpoolSettings SETTINGS = new SpoolSettings(1 << 16);
    private static final String SEGMENT_SIZE = String.valueOf(1 << 16);
    private static final Instant RECEIVED = Instant.now().minus(Duration.ofHours(2)).minusSeconds(60);

    @TempDir
    Path dir;

    private Path spoolDir;

    @BeforeEach
    void spoolWithADeferredAndAnIncomingMessage() throws Exception {
        spoolDir = dir.resolve("spool");
        try (Spool spool = open()) {
            spool.store(QueueRecords.accepted("Q1", RECEIVED, "a@x.example", "b@one.example", "c@two.example"),
                    body("Subject: one\r\n\r\nfirst\r\n"));
            Claim claim = spool.claimNext(1000).orElseThrow();
            spool.finish(claim, Disposition.DEFER, claim.record().afterAttempt(Instant.now().plus(Duration.ofHours(1)),
                    "451 4.3.0 busy"));
            spool.store(QueueRecords.accepted("Q2", RECEIVED, "s@y.example", "d@one.example"),
                    body("Subject: two\r\n\r\nsecond\r\n"));
        }
    }

    private Spool open() throws Exception {
        return Spool.open(spoolDir, SETTINGS, Clock.systemUTC());
    }

    private CliRun queue(String... args) {
        List<String> all = new ArrayList<>(List.of("queue"));
        all.addAll(List.of(args));
        all.add("--spool=" + spoolDir);
        if (List.of("retry", "bounce", "delete").contains(args[0])) {
            all.addAll(List.of("--segment-size", SEGMENT_SIZE, "--event-log", dir.resolve("events.log").toString(),
                    "--reporting-mta", "mta.test"));
        }
        return CliRun.run(all.toArray(String[]::new));
    }

    private static MessageBytes body(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return MessageBytes.of(bytes);
    }

    private Map<String, QueuedMessage> messages() throws Exception {
        try (Spool spool = open()) {
            return spool.list().stream().collect(Collectors.toMap(QueuedMessage::queueId, m -> m));
        }
    }

    @Test
    void listShowsEveryMessageAsJson() throws Exception {
        CliRun run = queue("list", "--json");

        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        Map<String, JsonNode> byId = new TreeMap<>();
        run.json().get("messages").forEach(message -> byId.put(message.get("id").asText(), message));
        assertEquals(List.of("Q1", "Q2"), List.copyOf(byId.keySet()));
        JsonNode deferred = byId.get("Q1");
        assertEquals("deferred", deferred.get("state").asText());
        assertEquals("a@x.example", deferred.get("sender").asText());
        assertEquals("[\"b@one.example\",\"c@two.example\"]", deferred.get("recipients").toString());
        assertEquals(1, deferred.get("attempts").asInt());
        assertEquals("451 4.3.0 busy", deferred.get("lastError").asText());
        assertTrue(deferred.get("ageSeconds").asLong() >= 7260, deferred.toString());
        assertTrue(Instant.parse(deferred.get("nextAttemptAt").asText()).isAfter(Instant.now()), deferred.toString());
        assertEquals("incoming", byId.get("Q2").get("state").asText());
        assertFalse(byId.get("Q2").has("lastError"), byId.get("Q2").toString());
    }

    @Test
    void listAsTextGivesOneLinePerMessageAndTheLastError() {
        CliRun run = queue("list");

        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Q1                       deferred     2h        1  <a@x.example> -> "
                + "b@one.example, c@two.example"), run.out());
        assertTrue(run.out().contains("    last error: 451 4.3.0 busy"), run.out());
        assertTrue(run.out().endsWith("2 messages" + System.lineSeparator()), run.out());
    }

    @Test
    void countsArePerStateAndPerDestinationDomain() throws Exception {
        CliRun run = queue("counts", "--json");

        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        JsonNode counts = run.json();
        assertEquals(2, counts.get("messages").asInt());
        assertEquals("{\"incoming\":1,\"active\":0,\"deferred\":1,\"dead\":0}", counts.get("states").toString());
        assertEquals("{\"one.example\":2,\"two.example\":1}", counts.get("domains").toString());
    }

    @Test
    void listAndCountsWorkWhileARunningSpoolHoldsTheLock() throws Exception {
        try (Spool running = open()) {
            CliRun list = queue("list", "--json");
            CliRun counts = queue("counts");

            assertEquals(ExitCodes.OK, list.exitCode(), list.toString());
            assertEquals(2, list.json().get("messages").size());
            assertEquals(ExitCodes.OK, counts.exitCode(), counts.toString());
            assertTrue(counts.out().contains("total           2"), counts.out());
        }
    }

    @Test
    void controlCommandsRefuseWhileTheSpoolIsLockedAndChangeNothing() throws Exception {
        try (Spool running = open()) {
            for (String command : List.of("retry", "bounce", "delete")) {
                CliRun run = queue(command, "Q1");

                assertEquals(ExitCodes.NEGATIVE, run.exitCode(), run.toString());
                assertTrue(run.stderr().contains("in use by another process")
                        && run.stderr().contains("Stop mailpipe first"), run.stderr());
                assertEquals("", run.out());
            }
        }
        Map<String, QueuedMessage> after = messages();
        assertEquals(SpoolState.DEFERRED, after.get("Q1").state());
        assertEquals(2, after.size());
    }

    @Test
    void retryMakesADeferredMessageDueForTheNextProcess() throws Exception {
        try (Spool spool = open()) {
            assertTrue(spool.delete("Q2"));
            assertEquals(Optional.empty(), spool.claimNext(0), "Q1 waits for its next attempt");
        }
        CliRun run = queue("retry", "Q1");

        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertEquals("Q1: due now" + System.lineSeparator(), run.out());
        try (Spool spool = open()) {
            Claim claim = spool.claimNext(1000).orElseThrow();
            assertEquals("Q1", claim.record().queueId());
            assertEquals(1, claim.record().attempts(), "a retry is not an attempt");
            spool.release(claim);
        }
    }

    @Test
    void retryOfAMessageThatIsNotDeferredFails() {
        CliRun run = queue("retry", "Q2");

        assertEquals(ExitCodes.NEGATIVE, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains("Q2 is not a deferred message"), run.stderr());
    }

    @Test
    void bounceMovesTheMessageToDeadQueuesAReportAndLogsTheEvents() throws Exception {
        CliRun run = queue("bounce", "Q1");

        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        Map<String, QueuedMessage> after = messages();
        assertEquals(SpoolState.DEAD, after.get("Q1").state());
        assertEquals(List.of(), after.get("Q1").pendingRecipients());
        List<QueuedMessage> reports = after.values().stream().filter(m -> m.sender().isEmpty()).toList();
        assertEquals(1, reports.size(), after.toString());
        assertEquals(List.of("a@x.example"), reports.get(0).pendingRecipients());
        String report;
        try (Spool spool = open()) {
            report = new String(spool.claim(reports.get(0).queueId()).orElseThrow().body().open().readAllBytes(),
                    StandardCharsets.ISO_8859_1);
        }
        assertTrue(report.contains("report-type=delivery-status") && report.contains("Reporting-MTA: dns; mta.test")
                && report.contains("Final-Recipient: rfc822; b@one.example"), report);
        List<String> events = Files.readAllLines(dir.resolve("events.log"));
        assertEquals(2, events.size(), events.toString());
        assertTrue(events.stream().allMatch(line -> line.contains("\"Q1\"") && line.toLowerCase().contains(
                "bounced")), events.toString());
    }

    @Test
    void deleteRemovesTheMessageAndASecondDeleteFails() throws Exception {
        CliRun first = queue("delete", "Q2");
        CliRun second = queue("delete", "Q2");

        assertEquals(ExitCodes.OK, first.exitCode(), first.toString());
        assertEquals(List.of("Q1"), List.copyOf(messages().keySet()));
        assertEquals(ExitCodes.NEGATIVE, second.exitCode(), second.toString());
        assertTrue(second.stderr().contains("no message Q2 in the spool"), second.stderr());
    }

    @Test
    void aMissingSpoolDirectoryIsAUsageError() {
        CliRun run = CliRun.run("queue", "list", "--spool", dir.resolve("nowhere").toString());

        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains("no spool directory"), run.stderr());
        assertFalse(Files.exists(dir.resolve("nowhere")));
    }
}
