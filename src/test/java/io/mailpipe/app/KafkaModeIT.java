package io.mailpipe.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailpipe.camel.kafkaqueue.KafkaQueue;
import io.mailpipe.camel.kafkaqueue.RuleDelivery;
import io.mailpipe.camel.kafkaqueue.SmtpTestClient;
import io.mailpipe.camel.smtpd.SmtpdConsumer;
import io.mailpipe.dns.UnboundServer;
import io.mailpipe.queue.BounceReason;
import io.mailpipe.queue.MutableClock;
import io.mailpipe.queue.QueueRecord;
import io.mailpipe.queue.RecipientState;
import io.mailpipe.queue.RecipientStatus;
import io.mailpipe.queue.kafka.EmbeddedKafka;
import io.mailpipe.queue.kafka.KafkaQueueFormat;
import io.mailpipe.queue.kafka.TopicReader;
import org.apache.camel.main.Main;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application in Kafka mode against a real broker, through the shipped routes/kafka YAML: SMTP in, mail.incoming
 * keyed by domain, delivery through a rule-based endpoint, retries through the tiers and expiry (RFC 5321 §4.5.4.1)
 * under a test clock, bounces and mail.dead, one mail.events record per recipient outcome, 552 for oversize mail;
 * a send request on mail.submit whose notAfter passes while it is deferred expires at its notAfter.
 */
@ExtendWith(EmbeddedKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaModeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "it" + Long.toHexString(System.nanoTime());

    private final MutableClock clock = new MutableClock(Instant.now());
    private final RuleDelivery rules = new RuleDelivery();
    private final List<String> bounces = new CopyOnWriteArrayList<>();
    private Main main;
    private UnboundServer dns;
    private int port;
    private TopicReader events;

    @BeforeAll
    void start() throws Exception {
        dns = UnboundServer.startEmpty();
        main = MailpipeMain.newMain(Path.of(""));
        main.bind("testClock", clock);
        main.bind("rules", rules);
        main.addOverrideProperty("mailpipe.queue", "kafka");
        main.addOverrideProperty("mailpipe.kafka.brokers", EmbeddedKafka.bootstrapServers());
        main.addOverrideProperty("mailpipe.kafka.topic-prefix", PREFIX);
        main.addOverrideProperty("mailpipe.kafka.group-id", PREFIX);
        main.addOverrideProperty("mailpipe.kafka.partitions", "2");
        main.addOverrideProperty("mailpipe.kafka.consumers", "1");
        main.addOverrideProperty("mailpipe.kafka.poll-timeout-ms", "200");
        main.addOverrideProperty("mailpipe.kafka.max-request-size", "65536");
        main.addOverrideProperty("mailpipe.queue.clock", "#bean:testClock");
        main.addOverrideProperty("mailpipe.queue.max-lifetime", "40m");
        main.addOverrideProperty("mailpipe.queue.retry-initial-delay", "1m");
        main.addOverrideProperty("mailpipe.queue.retry-max-delay", "10m");
        main.addOverrideProperty("mailpipe.delivery.uri", "bean:rules");
        main.addOverrideProperty("mailpipe.dns-servers", dns.hostAndPort());
        main.addOverrideProperty("smtpd.port", "0");
        main.addOverrideProperty("mailpipe.management.port", "0");
        main.addOverrideProperty("smtpd.local-domains", "localhost");
        main.addOverrideProperty("mailpipe.bulk.enabled", "true");
        main.start();
        port = ((SmtpdConsumer) main.getCamelContext().getRoute("inbound").getConsumer()).getLocalAddress().getPort();
        main.getCamelContext().getRegistry().lookupByNameAndType("kafkaQueue", KafkaQueue.class)
                .setBounceSink((message, body, failed, reason) -> failed.forEach(state ->
                        bounces.add(reason + " " + state.address() + " " + state.lastReply())));
        events = new TopicReader(EmbeddedKafka.bootstrapServers(), PREFIX + ".events");
    }

    @AfterAll
    void stop() throws Exception {
        events.close();
        main.stop();
        dns.close();
    }

    @BeforeEach
    void resetClock() {
        clock.set(Instant.now());
    }

    @Test
    void aMessageIsSplitByRecipientDomainAndDeliveredOnce() throws Exception {
        String queueId = send(List.of("ok@a.example", "ok@b.example"), "Subject: split\r\n\r\nbody\r\n");

        List<JsonNode> outcome = awaitEvents(queueId, e -> e.size() == 2);

        assertEquals(Set.of("delivered ok@a.example 1", "delivered ok@b.example 1"), summary(outcome));
        try (TopicReader incoming = new TopicReader(EmbeddedKafka.bootstrapServers(), PREFIX + ".incoming")) {
            Set<String> keys = incoming.poll(Duration.ofSeconds(2)).stream()
                    .filter(r -> queueIdOf(r).equals(queueId))
                    .map(r -> new String(r.key(), StandardCharsets.UTF_8)).collect(Collectors.toSet());
            assertEquals(Set.of("a.example", "b.example"), keys);
        }
        assertEquals(2, rules.delivered().stream().filter(d -> d.startsWith(queueId + " ")).count());
    }

    @Test
    void aRecipientDeferredThreeTimesIsDeliveredAtTheFourthAttempt() throws Exception {
        String queueId = send(List.of("temp3@r.example"), "Subject: retry\r\n\r\nbody\r\n");

        List<JsonNode> outcome = awaitEvents(queueId, e -> e.stream().anyMatch(n -> has(n, "delivered")));

        List<String> sequence = outcome.stream().map(n -> n.path("event").asText() + " " + n.path("attempt").asInt())
                .toList();
        assertEquals(List.of("deferred 1", "deferred 2", "deferred 3", "delivered 4"), sequence);
        assertTrue(outcome.get(0).hasNonNull("nextAttemptAt"), outcome.get(0).toString());
    }

    @Test
    void aRecipientStillDeferredAtTheEndOfTheLifetimeIsBouncedWithTheLastReply() throws Exception {
        String queueId = send(List.of("tempforever@x.example"), "Subject: expire\r\n\r\nbody\r\n");

        List<JsonNode> outcome = awaitEvents(queueId, e -> e.stream().anyMatch(n -> has(n, "expired")));

        JsonNode expired = outcome.get(outcome.size() - 1);
        assertEquals("expired", expired.path("event").asText());
        assertEquals(451, expired.path("code").asInt());
        int attempts = expired.path("attempt").asInt();
        assertTrue(attempts > 3, "attempts: " + attempts);
        assertTrue(bounces.contains(BounceReason.EXPIRED + " tempforever@x.example 451 4.3.0 try later " + attempts),
                bounces.toString());
        QueueRecord dead = deadRecord(queueId);
        assertEquals(RecipientStatus.BOUNCED, dead.recipients().get(0).status());
    }

    @Test
    void aSendRequestStillDeferredAtItsNotAfterExpiresThereWithoutAnotherAttempt() throws Exception {
        // the clock stands still until the first attempt, so the request is queued well before its notAfter
        Instant notAfter = clock.instant().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        String key = "not-after-" + Long.toHexString(System.nanoTime());
        produceRequest(key, "{\"schema\":\"mailpipe.send/1\",\"tenant\":\"acme\",\"idempotencyKey\":\"" + key
                + "\",\"notAfter\":\"" + notAfter + "\",\"from\":{\"address\":\"news@acme.example\"},"
                + "\"recipients\":[\"tempforever@na.example\"],\"subject\":\"soon stale\",\"text\":\"hi\"}");

        Predicate<JsonNode> mine = e -> e.path("idempotencyKey").asText().equals(key);
        awaitEventsWhere(mine, e -> !e.isEmpty(), Duration.ZERO);
        List<JsonNode> outcome = awaitEventsWhere(mine, e -> e.stream().anyMatch(n -> has(n, "expired")),
                Duration.ofMinutes(1));

        JsonNode expired = outcome.get(outcome.size() - 1);
        List<JsonNode> deferred = outcome.stream().filter(n -> has(n, "deferred")).toList();
        assertEquals("expired", expired.path("event").asText());
        assertEquals(outcome.size() - 1, deferred.size(), outcome.toString());
        assertEquals("4.4.7", expired.path("enhancedStatus").asText());
        assertTrue(expired.path("reply").asText().startsWith("notAfter " + notAfter + " passed"), expired.toString());
        assertEquals(deferred.size(), expired.path("attempt").asInt(), "no attempt after the notAfter");
        Instant expiredAt = Instant.parse(expired.path("at").asText());
        assertTrue(!expiredAt.isBefore(notAfter) && expiredAt.isBefore(notAfter.plus(Duration.ofMinutes(10))),
                "expired at " + expiredAt + ", long before the 40-minute lifetime");
        deferred.forEach(d -> assertTrue(!Instant.parse(d.path("at").asText()).isAfter(notAfter)
                && !Instant.parse(d.path("nextAttemptAt").asText()).isAfter(notAfter), d.toString()));
        String queueId = expired.path("queueId").asText();
        assertTrue(bounces.contains(BounceReason.EXPIRED + " tempforever@na.example 451 4.3.0 try later "
                + deferred.size()), bounces.toString());
        assertEquals(notAfter, deadRecord(queueId).notAfter());
    }

    @Test
    void mixedRecipientsAreDeliveredBouncedAndRetriedEachOnTheirOwn() throws Exception {
        String queueId = send(List.of("ok1@m.example", "perm@m.example", "temp1@m.example"),
                "Subject: mixed\r\n\r\nbody\r\n");

        List<JsonNode> outcome = awaitEvents(queueId, e -> e.stream()
                .anyMatch(n -> has(n, "delivered") && n.path("recipient").asText().startsWith("temp1")));

        assertEquals(List.of("delivered ok1@m.example 1", "bounced perm@m.example 1", "deferred temp1@m.example 1",
                "delivered temp1@m.example 2"), outcome.stream().map(KafkaModeIT::line).toList());
        assertTrue(bounces.contains(BounceReason.PERMANENT_FAILURE + " perm@m.example 550 5.1.1 no such user"),
                bounces.toString());
        List<RecipientStatus> states = deadRecord(queueId).recipients().stream().map(RecipientState::status).toList();
        assertEquals(List.of(RecipientStatus.DELIVERED, RecipientStatus.BOUNCED, RecipientStatus.DELIVERED), states);
        assertEquals(1, rules.delivered().stream().filter(d -> d.equals(queueId + " ok1@m.example")).count());
    }

    @Test
    void aMessageLargerThanTheQueueAcceptsIsRefusedWith552() throws Exception {
        String big = "Subject: big\r\n\r\n" + ("x".repeat(998) + "\r\n").repeat(80);
        try (SmtpTestClient client = new SmtpTestClient(port)) {
            String reply = client.send("a@client.example", List.of("ok@big.example"), big);
            assertTrue(reply.startsWith("552 5.3.4"), reply);
        }
    }

    private String send(List<String> recipients, String message) throws Exception {
        try (SmtpTestClient client = new SmtpTestClient(port)) {
            String reply = client.send("sender@client.example", recipients, message);
            assertTrue(reply.startsWith("250"), reply);
            return SmtpTestClient.queueId(reply);
        }
    }

    /** Polls mail.events, moving the clock a minute per round, until the message's events satisfy {@code done}. */
    private List<JsonNode> awaitEvents(String queueId, Predicate<List<JsonNode>> done) throws Exception {
        return awaitEventsWhere(event -> event.path("queueId").asText().equals(queueId), done, Duration.ofMinutes(1));
    }

    /** Polls mail.events, moving the clock {@code step} per round, until the events {@code selected} picks pass. */
    private List<JsonNode> awaitEventsWhere(Predicate<JsonNode> selected, Predicate<List<JsonNode>> done,
                                            Duration step) throws Exception {
        List<JsonNode> mine = new ArrayList<>();
        for (int round = 0; round < 400; round++) {
            mine.clear();
            for (ConsumerRecord<byte[], byte[]> record : events.poll(Duration.ofMillis(100))) {
                JsonNode event = JSON.readTree(record.value());
                if (selected.test(event)) {
                    mine.add(event);
                }
            }
            if (done.test(mine)) {
                return List.copyOf(mine);
            }
            clock.advance(step);
        }
        throw new AssertionError("events incomplete: " + mine);
    }

    private void produceRequest(String key, String json) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(PREFIX + ".submit", key.getBytes(StandardCharsets.UTF_8),
                    json.getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        }
    }

    private QueueRecord deadRecord(String queueId) throws Exception {
        try (TopicReader dead = new TopicReader(EmbeddedKafka.bootstrapServers(), PREFIX + ".dead")) {
            for (int round = 0; round < 50; round++) {
                for (ConsumerRecord<byte[], byte[]> record : dead.poll(Duration.ofMillis(200))) {
                    if (queueIdOf(record).equals(queueId)) {
                        return KafkaQueueFormat.readRecord(KafkaQueueFormat.lookup(record.headers()));
                    }
                }
            }
        }
        throw new AssertionError("no record of " + queueId + " on mail.dead");
    }

    private static String queueIdOf(ConsumerRecord<byte[], byte[]> record) {
        try {
            return KafkaQueueFormat.readRecord(KafkaQueueFormat.lookup(record.headers())).queueId();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean has(JsonNode event, String type) {
        return event.path("event").asText().equals(type);
    }

    private static String line(JsonNode event) {
        return event.path("event").asText() + " " + event.path("recipient").asText() + " "
                + event.path("attempt").asInt();
    }

    private static Set<String> summary(List<JsonNode> events) {
        return events.stream().map(KafkaModeIT::line).collect(Collectors.toSet());
    }
}
