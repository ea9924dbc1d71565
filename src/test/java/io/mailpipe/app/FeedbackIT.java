package io.mailpipe.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailpipe.app.cli.CliStreams;
import io.mailpipe.app.cli.MailpipeCli;
import io.mailpipe.camel.kafkaqueue.KafkaQueue;
import io.mailpipe.feedback.SuppressionEntry;
import io.mailpipe.queue.kafka.EmbeddedKafka;
import io.mailpipe.queue.kafka.TopicReader;
import io.mailpipe.testing.AiosmtpdSink;
import org.apache.camel.main.Main;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Feedback end to end in Kafka mode through the shipped routes: send requests on mail.submit, delivery through the
 * smarthost option to an aiosmtpd sink that answers 550 5.1.1 for local parts starting with "gone". A hard bounce is
 * reported with its category and suppresses the address, so the next request to it yields a suppressed event and no
 * RCPT at the sink; an operator's {@code mailpipe suppress add} blocks another address, {@code suppress remove} lets
 * it through again, {@code suppress list} shows the list.
 */
@ExtendWith(EmbeddedKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "feedback" + Long.toHexString(System.nanoTime());
    private static final String FROM = "{\"address\":\"news@acme.example\"}";

    private AiosmtpdSink sink;
    private Main main;
    private KafkaQueue queue;

    @BeforeAll
    void start() throws Exception {
        sink = new AiosmtpdSink("{\"gone\": \"550 5.1.1 user unknown\"}", null);
        main = MailpipeMain.newMain(Path.of(""));
        properties().forEach(main::addOverrideProperty);
        main.start();
        queue = main.getCamelContext().getRegistry().lookupByNameAndType("kafkaQueue", KafkaQueue.class);
    }

    @AfterAll
    void stop() throws Exception {
        if (main != null) {
            main.stop();
        }
        sink.close();
    }

    @Test
    void hardBouncesAndOperatorsSuppressAddressesBeforeAnyAttempt() throws Exception {
        send("k1", "gone1@fb.example", "ok1@fb.example");
        JsonNode bounced = awaitEvent("bounced", "gone1@fb.example", "k1");
        assertEquals("bad_mailbox", bounced.path("category").asText(), bounced.toString());
        assertEquals("permanent", bounced.path("statusClass").asText(), bounced.toString());
        assertEquals("5.1.1", bounced.path("enhancedStatus").asText(), bounced.toString());
        assertEquals("t1", bounced.path("tenant").asText(), bounced.toString());
        assertEquals("spring", bounced.path("campaign").asText(), bounced.toString());
        awaitEvent("delivered", "ok1@fb.example", "k1");
        Optional<SuppressionEntry> entry = awaitSuppression("gone1@fb.example", true);
        assertEquals(SuppressionEntry.HARD_BOUNCE, entry.orElseThrow().reason());
        assertEquals(1, rcpts("gone1@fb.example"));

        send("k2", "Gone1@FB.example", "ok2@fb.example");
        JsonNode suppressed = awaitEvent("suppressed", "Gone1@FB.example", "k2");
        assertEquals("bad_mailbox", suppressed.path("category").asText(), suppressed.toString());
        assertEquals("t1", suppressed.path("tenant").asText(), suppressed.toString());
        awaitEvent("delivered", "ok2@fb.example", "k2");
        assertEquals(1, rcpts("gone1@fb.example"), "RCPT attempts for the suppressed address");

        CliResult added = cli("suppress", "add", "--reason", "complaint", "blocked@fb.example");
        assertEquals(0, added.exit(), added.err());
        awaitSuppression("blocked@fb.example", true);
        send("k3", "blocked@fb.example");
        awaitEvent("suppressed", "blocked@fb.example", "k3");
        assertEquals(0, rcpts("blocked@fb.example"));

        CliResult listed = cli("suppress", "list", "--json");
        assertEquals(0, listed.exit(), listed.err());
        Map<String, String> reasons = new HashMap<>();
        JSON.readTree(listed.out()).path("entries").forEach(e ->
                reasons.put(e.path("address").asText(), e.path("reason").asText()));
        assertEquals(Map.of("gone1@fb.example", "hard_bounce", "blocked@fb.example", "complaint"), reasons);

        CliResult removed = cli("suppress", "remove", "blocked@fb.example");
        assertEquals(0, removed.exit(), removed.err());
        awaitSuppression("blocked@fb.example", false);
        send("k4", "blocked@fb.example");
        awaitEvent("delivered", "blocked@fb.example", "k4");
        assertEquals(1, rcpts("blocked@fb.example"));
        assertEquals(2, cli("suppress", "add", "not-an-address").exit());
    }

    private record CliResult(int exit, String out, String err) {
    }

    private CliResult cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--brokers", EmbeddedKafka.bootstrapServers(), "--topic-prefix", PREFIX));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = MailpipeCli.execute(all.toArray(String[]::new), new CliStreams(new ByteArrayInputStream(
                new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), null));
        return new CliResult(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private long rcpts(String address) throws Exception {
        return sink.rcptAttempts().stream().filter(a -> a.equalsIgnoreCase(address)).count();
    }

    private void send(String key, String... recipients) throws Exception {
        StringBuilder to = new StringBuilder();
        for (String recipient : recipients) {
            to.append(to.isEmpty() ? "" : ",").append('"').append(recipient).append('"');
        }
        String request = "{\"schema\":\"mailpipe.send/1\",\"tenant\":\"t1\",\"campaign\":\"spring\","
                + "\"idempotencyKey\":\"" + key + "\",\"from\":" + FROM + ",\"recipients\":[" + to
                + "],\"subject\":\"news\",\"text\":\"hello\"}";
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(PREFIX + ".submit", ("t1/" + key).getBytes(StandardCharsets.UTF_8),
                    request.getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        }
    }

    /** The first event of {@code type} for {@code recipient} from the request {@code key}, within 60 s. */
    private JsonNode awaitEvent(String type, String recipient, String key) throws Exception {
        try (TopicReader events = new TopicReader(EmbeddedKafka.bootstrapServers(), PREFIX + ".events")) {
            for (int round = 0; round < 300; round++) {
                for (ConsumerRecord<byte[], byte[]> record : events.poll(Duration.ofMillis(200))) {
                    JsonNode event = JSON.readTree(record.value());
                    if (event.path("event").asText().equals(type) && event.path("recipient").asText()
                            .equals(recipient) && event.path("idempotencyKey").asText().equals(key)) {
                        return event;
                    }
                }
            }
        }
        throw new AssertionError("no " + type + " event for " + recipient + " of request " + key);
    }

    /** The running instance's entry for {@code address} once it is (or is no longer) suppressed, within 30 s. */
    private Optional<SuppressionEntry> awaitSuppression(String address, boolean suppressed) throws Exception {
        Supplier<Optional<SuppressionEntry>> lookup = () -> queue.suppression("t1", address);
        for (int round = 0; round < 300 && lookup.get().isPresent() != suppressed; round++) {
            Thread.sleep(100);
        }
        assertEquals(suppressed, lookup.get().isPresent(), "suppression of " + address);
        return lookup.get();
    }

    private Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("mailpipe.queue", "kafka");
        properties.put("mailpipe.kafka.brokers", EmbeddedKafka.bootstrapServers());
        properties.put("mailpipe.kafka.topic-prefix", PREFIX);
        properties.put("mailpipe.kafka.group-id", PREFIX);
        properties.put("mailpipe.kafka.partitions", "2");
        properties.put("mailpipe.kafka.consumers", "1");
        properties.put("mailpipe.kafka.poll-timeout-ms", "200");
        properties.put("mailpipe.bulk.enabled", "true");
        properties.put("mailpipe.mx.smarthost", "127.0.0.1:" + sink.port());
        properties.put("mailpipe.mx.tls-policy", "none");
        properties.put("smtpd.port", "0");
        properties.put("mailpipe.management.port", "0");
        return properties;
    }
}
