package io.mailpipe.app.cli;

import io.mailpipe.queue.kafka.EmbeddedKafka;
import io.mailpipe.queue.kafka.TopicReader;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code mailpipe submit} against a real broker: valid lines from a file and from stdin reach {@code <prefix>.submit}
 * byte for byte, keyed by tenant and idempotency key; invalid lines are reported with their line number and never
 * written.
 */
@ExtendWith(EmbeddedKafka.class)
class SubmitCommandIT {

    private static final String WITH_KEY = "{\"schema\":\"mailpipe.send/1\",\"tenant\":\"acme\",\"idempotencyKey\":"
            + "\"r1\",\"from\":\"news@acme.example\",\"recipients\":[\"ann@example.org\"],\"subject\":\"Hi\","
            + "\"text\":\"Hello\"}";
    private static final String TENANT_ONLY = "{\"schema\":\"mailpipe.send/1\",\"tenant\":\"acme\",\"from\":"
            + "\"news@acme.example\",\"recipients\":[\"bob@example.org\"],\"subject\":\"Hi\",\"text\":\"Hello\"}";
    private static final String NO_TAGS = "{\"schema\":\"mailpipe.send/1\",\"from\":\"a@acme.example\","
            + "\"recipients\":[\"Zoë@example.org\"],\"subject\":\"Grüße\",\"text\":\"Hallo\"}";
    private static final String BAD_ADDRESS = "{\"schema\":\"mailpipe.send/1\",\"from\":\"a@acme.example\","
            + "\"recipients\":[\"bad@@example.org\"],\"subject\":\"Hi\",\"text\":\"Hello\"}";

    @Test
    void writesValidLinesKeyedAndReportsInvalidOnes(@TempDir Path dir) throws Exception {
        String prefix = "sub" + Long.toHexString(System.nanoTime());
        createTopic(prefix + ".submit");
        Path file = dir.resolve("requests.jsonl");
        Files.writeString(file, WITH_KEY + "\n\n" + BAD_ADDRESS + "\n" + TENANT_ONLY + "\nnot json\n",
                StandardCharsets.UTF_8);

        CliRun fromFile = CliRun.run("submit", file.toString(), "--brokers", EmbeddedKafka.bootstrapServers(),
                "--topic-prefix", prefix);
        assertEquals(ExitCodes.NEGATIVE, fromFile.exitCode(), fromFile.toString());
        assertTrue(fromFile.stderr().contains(file + ":3: address at /recipients/0:"), fromFile.stderr());
        assertTrue(fromFile.stderr().contains(file + ":5: schema:"), fromFile.stderr());
        assertEquals("2 request(s) written to " + prefix + ".submit, 2 refused\n",
                new String(fromFile.stdout(), StandardCharsets.UTF_8));

        CliRun fromStdin = CliRun.run((NO_TAGS + "\n").getBytes(StandardCharsets.UTF_8), "submit", "--brokers",
                EmbeddedKafka.bootstrapServers(), "--topic-prefix", prefix);
        assertEquals(ExitCodes.OK, fromStdin.exitCode(), fromStdin.toString());

        Map<String, String> written = new TreeMap<>();
        try (TopicReader reader = new TopicReader(EmbeddedKafka.bootstrapServers(), prefix + ".submit")) {
            List<ConsumerRecord<byte[], byte[]>> records = List.of();
            for (int i = 0; i < 50 && records.size() < 3; i++) {
                records = reader.poll(Duration.ofMillis(200));
            }
            for (ConsumerRecord<byte[], byte[]> record : records) {
                written.put(record.key() == null ? "(none)" : new String(record.key(), StandardCharsets.UTF_8),
                        new String(record.value(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(Map.of("acme/r1", WITH_KEY, "acme", TENANT_ONLY, "(none)", NO_TAGS), written);
    }

    @Test
    void aMissingTopicIsNamed() {
        CliRun run = CliRun.run((NO_TAGS + "\n").getBytes(StandardCharsets.UTF_8), "submit", "--brokers",
                EmbeddedKafka.bootstrapServers(), "--topic-prefix", "absent" + Long.toHexString(System.nanoTime()));
        assertEquals(ExitCodes.NEGATIVE, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains(".submit does not exist"), run.stderr());
    }

    private static void createTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }
}
