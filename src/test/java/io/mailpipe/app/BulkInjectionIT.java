package io.mailpipe.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.mailpipe.queue.QueueRecord;
import io.mailpipe.queue.kafka.EmbeddedKafka;
import io.mailpipe.queue.kafka.KafkaQueueFormat;
import io.mailpipe.queue.kafka.TopicReader;
import io.mailpipe.testing.AiosmtpdSink;
import jakarta.mail.internet.MailDateFormat;
import org.apache.camel.main.Main;
import org.apache.camel.spi.IdempotentRepository;
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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bulk injection end to end in Kafka mode through the shipped routes: about 200 send requests (plain, HTML with
 * per-recipient variables, template, attachments inline and by URL from a loopback HTTP server, raw RFC 5322, one in
 * ten invalid, then copies of earlier requests) on mail.submit; delivery through the smarthost option to a Python
 * aiosmtpd sink. Every valid recipient gets exactly one message, with the Received field of its injection and
 * DKIM-signed so that dkimpy verifies it; every
 * invalid request is on mail.submit.rejected with its reason; delivery events carry the request's tags.
 */
@ExtendWith(EmbeddedKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkInjectionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "bulk" + Long.toHexString(System.nanoTime());
    private static final int REQUESTS = 200;
    private static final int DUPLICATES = 15;
    private static final String ZONE_RECORD = "sel._domainkey.acme.example";
    private static final String REPLAY_DOMAIN = "@z.example";

    private Path work;
    private AiosmtpdSink sink;
    private HttpServer files;
    private Main main;

    @BeforeAll
    void start() throws Exception {
        work = Files.createTempDirectory("bulk-it");
        sink = new AiosmtpdSink("{}", null);
        files = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        files.createContext("/file.bin", exchange -> {
            byte[] content = "fetched attachment".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/file.bin") ? 200 : 404,
                    content.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(content);
            }
        });
        files.start();
        main = MailpipeMain.newMain(Path.of(""));
        properties().forEach(main::addOverrideProperty);
        main.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (main != null) {
            main.stop();
        }
        files.stop(0);
        sink.close();
        try (var paths = Files.walk(work)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Test
    void requestsAreComposedSignedQueuedAndDeliveredOnceAndBadOnesRejected() throws Exception {
        String base = "http://127.0.0.1:" + files.getAddress().getPort();
        BulkRequestMix mix = new BulkRequestMix(base + "/file.bin", base + "/file.bin.missing");
        List<BulkRequestMix.Request> requests = mix.requests(REQUESTS + 1);
        BulkRequestMix.Request tail = requests.remove(REQUESTS);
        List<BulkRequestMix.Request> sent = new ArrayList<>(requests);
        requests.stream().filter(r -> r.rejection() == null).limit(DUPLICATES).forEach(sent::add);
        sent.add(tail);
        requests.add(tail);
        produce(sent);

        List<BulkRequestMix.Request> valid = requests.stream().filter(r -> r.rejection() == null).toList();
        Map<String, BulkRequestMix.Request> byRecipient = new HashMap<>();
        valid.forEach(r -> r.recipients().forEach(to -> byRecipient.put(to, r)));
        List<JsonNode> delivered = awaitDeliveries(byRecipient.size());

        Map<String, Long> perRecipient = delivered.stream().flatMap(m -> stream(m.path("rcpt_tos")))
                .filter(address -> !address.endsWith(REPLAY_DOMAIN))
                .collect(Collectors.groupingBy(a -> a, Collectors.counting()));
        assertEquals(byRecipient.keySet(), perRecipient.keySet(), "recipients that got mail");
        assertEquals(List.of(), perRecipient.entrySet().stream().filter(e -> e.getValue() != 1).toList(),
                "recipients with more than one message");
        assertRejections(requests.stream().filter(r -> r.rejection() != null).toList());
        assertEventsCarryTags(byRecipient);
        assertTraceFields(delivered);
        assertDkimVerifies(delivered);
    }

    /**
     * The crash window between queueing a request's messages and storing its key: the same request read again
     * without its key is composed and queued again under the same queue ids, and the delivered ledger keeps the
     * recipients who already got it from getting it twice.
     */
    @Test
    void aRequestReadAgainWithoutItsStoredKeyReachesNoRecipientTwice() throws Exception {
        String to = "again@z.example";
        BulkRequestMix.Request request = new BulkRequestMix.Request("replay-1", "{\"schema\":\"mailpipe.send/1\","
                + "\"tenant\":\"t9\",\"idempotencyKey\":\"replay-1\",\"from\":" + BulkRequestMix.FROM
                + ",\"recipients\":[\"" + to + "\"],\"subject\":\"once\",\"text\":\"only once\"}", "t9", null,
                List.of(to), null);
        produce(List.of(request));
        awaitRecipient(to);
        main.getCamelContext().getRegistry().lookupByNameAndType("bulkIdempotency", IdempotentRepository.class)
                .remove("key:t9/replay-1");

        produce(List.of(request));

        List<String> queueIds = awaitIncoming(to, 2);
        assertEquals(1, queueIds.stream().distinct().count(), "queue ids: " + queueIds);
        Thread.sleep(3000);
        assertEquals(1, sink.messages().stream().filter(m -> stream(m.path("rcpt_tos")).anyMatch(to::equals))
                .count());
    }

    private void awaitRecipient(String to) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && sink.messages().stream()
                .noneMatch(m -> stream(m.path("rcpt_tos")).anyMatch(to::equals))) {
            Thread.sleep(100);
        }
    }

    /** The queue ids of the records for {@code to} on mail.incoming, once there are {@code count} of them. */
    private List<String> awaitIncoming(String to, int count) throws Exception {
        List<String> queueIds = new ArrayList<>();
        try (TopicReader incoming = new TopicReader(EmbeddedKafka.bootstrapServers(), PREFIX + ".incoming")) {
            for (int round = 0; round < 150 && queueIds.size() < count; round++) {
                queueIds.clear();
                for (ConsumerRecord<byte[], byte[]> record : incoming.poll(Duration.ofMillis(200))) {
                    QueueRecord queued = KafkaQueueFormat.readRecord(KafkaQueueFormat.lookup(record.headers()));
                    if (queued.recipients().get(0).address().equals(to)) {
                        queueIds.add(queued.queueId());
                    }
                }
            }
        }
        assertEquals(count, queueIds.size(), "records on mail.incoming for " + to);
        return queueIds;
    }

    private Map<String, String> properties() throws IOException {
        Path templates = Files.createDirectories(work.resolve("templates"));
        Files.writeString(templates.resolve("welcome.subject"), "Welcome {{name}}");
        Files.writeString(templates.resolve("welcome.txt"), "Hello {{name}}, welcome.\n");
        Files.writeString(templates.resolve("welcome.html"), "<p>Hello <b>{{name}}</b></p>\n");
        Path key = work.resolve("sel.pem");
        try (InputStream in = BulkInjectionIT.class.getResourceAsStream("/dkim/dkimpy-1.1.4/2048_testkey.key")) {
            Files.copy(in, key);
        }
        Path keyTable = Files.writeString(work.resolve("keytable"), "acme.example sel " + key + "\n");
        try (InputStream in = BulkInjectionIT.class.getResourceAsStream(
                "/dkim/dkimpy-1.1.4/2048_testkey_wo_markers.pub.txt")) {
            Files.writeString(work.resolve("zone.txt"), ZONE_RECORD + "\t"
                    + new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip() + "\n");
        }
        Map<String, String> properties = new HashMap<>();
        properties.put("mailpipe.queue", "kafka");
        properties.put("mailpipe.kafka.brokers", EmbeddedKafka.bootstrapServers());
        properties.put("mailpipe.kafka.topic-prefix", PREFIX);
        properties.put("mailpipe.kafka.group-id", PREFIX);
        properties.put("mailpipe.kafka.partitions", "2");
        properties.put("mailpipe.kafka.consumers", "2");
        properties.put("mailpipe.kafka.poll-timeout-ms", "200");
        properties.put("mailpipe.bulk.enabled", "true");
        properties.put("mailpipe.bulk.templates", templates.toString());
        properties.put("mailpipe.bulk.max-recipients", "50");
        properties.put("mailpipe.bulk.fetch-timeout-ms", "5000");
        properties.put("mailpipe.dkim.key-table", keyTable.toString());
        properties.put("mailpipe.mx.smarthost", "127.0.0.1:" + sink.port());
        properties.put("mailpipe.mx.tls-policy", "none");
        properties.put("smtpd.port", "0");
        properties.put("mailpipe.management.port", "0");
        return properties;
    }

    private void produce(List<BulkRequestMix.Request> requests) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            List<Future<?>> acks = new ArrayList<>();
            for (BulkRequestMix.Request request : requests) {
                acks.add(producer.send(new ProducerRecord<>(PREFIX + ".submit",
                        (request.tenant() + "/" + request.key()).getBytes(StandardCharsets.UTF_8), request.bytes())));
            }
            for (Future<?> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The sink's messages once {@code recipients} recipients were served, then a little longer for extras. */
    private List<JsonNode> awaitDeliveries(int recipients) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline && countRecipients(sink.messages()) < recipients) {
            Thread.sleep(250);
        }
        Thread.sleep(2000);
        return sink.messages();
    }

    private static long countRecipients(List<JsonNode> messages) {
        return messages.stream().mapToLong(m -> m.path("rcpt_tos").size()).sum();
    }

    private void assertRejections(List<BulkRequestMix.Request> invalid) throws Exception {
        Map<String, String> expected = invalid.stream()
                .collect(Collectors.toMap(r -> r.tenant() + "/" + r.key(), BulkRequestMix.Request::rejection));
        Map<String, String> seen = new HashMap<>();
        try (TopicReader rejected = new TopicReader(EmbeddedKafka.bootstrapServers(), PREFIX + ".submit.rejected")) {
            for (int round = 0; round < 100 && seen.size() < expected.size(); round++) {
                for (ConsumerRecord<byte[], byte[]> record : rejected.poll(Duration.ofMillis(200))) {
                    JsonNode body = JSON.readTree(record.value());
                    assertEquals("mailpipe.rejected/1", body.path("schema").asText());
                    assertTrue(body.path("request").asText().contains("\"idempotencyKey\""), body.toString());
                    seen.put(body.path("source").path("key").asText(), body.path("reason").asText());
                }
            }
        }
        assertEquals(expected, seen);
    }

    private void assertEventsCarryTags(Map<String, BulkRequestMix.Request> byRecipient) throws Exception {
        Map<String, JsonNode> deliveredEvents = new HashMap<>();
        try (TopicReader events = new TopicReader(EmbeddedKafka.bootstrapServers(), PREFIX + ".events")) {
            for (int round = 0; round < 100 && deliveredEvents.size() < byRecipient.size(); round++) {
                for (ConsumerRecord<byte[], byte[]> record : events.poll(Duration.ofMillis(200))) {
                    JsonNode event = JSON.readTree(record.value());
                    if (event.path("event").asText().equals("delivered")
                            && !event.path("recipient").asText().endsWith(REPLAY_DOMAIN)) {
                        deliveredEvents.put(event.path("recipient").asText(), event);
                    }
                }
            }
        }
        assertEquals(byRecipient.keySet(), deliveredEvents.keySet());
        byRecipient.forEach((recipient, request) -> {
            JsonNode event = deliveredEvents.get(recipient);
            assertEquals(request.tenant(), event.path("tenant").asText(), event.toString());
            assertEquals(request.campaign(), event.path("campaign").asText(), event.toString());
            assertEquals(request.key(), event.path("idempotencyKey").asText(), event.toString());
        });
    }

    /**
     * Every delivered message has one Received field of its injection (RFC 5322 §3.6.7): this host, a queue id, the
     * recipient when the message was composed for one only, and a date that parses.
     */
    private static void assertTraceFields(List<JsonNode> delivered) throws Exception {
        Pattern stamp = Pattern.compile("Received: by localhost\\s+\\(mailpipe\\)\\s+id\\s+([A-Za-z0-9._-]+)"
                + "(?:\\s+for\\s+<([^>]+)>)?;\\s+(.+)");
        for (JsonNode message : delivered) {
            String content = message.path("content").asText();
            String head = content.substring(0, content.indexOf("\r\n\r\n") + 2).replaceAll("\r\n([ \t])", "$1");
            List<String> fields = head.lines().filter(line -> line.startsWith("Received:")).toList();
            assertEquals(1, fields.size(), head);
            Matcher matcher = stamp.matcher(fields.get(0));
            assertTrue(matcher.matches(), fields.get(0));
            if (matcher.group(2) != null) {
                assertEquals(List.of(matcher.group(2)), stream(message.path("rcpt_tos")).toList(), fields.get(0));
            }
            assertTrue(new MailDateFormat().parse(matcher.group(3)).toInstant().isAfter(Instant.EPOCH));
        }
    }

    private void assertDkimVerifies(List<JsonNode> delivered) throws Exception {
        Path messages = Files.createDirectories(work.resolve("delivered"));
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3",
                Path.of("src/test/python/dkim_verify_files.py").toAbsolutePath().toString(),
                work.resolve("zone.txt").toString()));
        for (int i = 0; i < delivered.size(); i++) {
            Path file = messages.resolve(i + ".eml");
            Files.write(file, delivered.get(i).path("content").asText().getBytes(StandardCharsets.ISO_8859_1));
            command.add(file.toString());
        }
        Process python = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(120, TimeUnit.SECONDS), "dkimpy did not finish");
        List<String> lines = output.lines().toList();
        assertEquals(delivered.size(), lines.size(), output);
        assertEquals(List.of(), lines.stream().filter(line -> !line.split("\t")[1].equals("pass")).toList());
    }

    private static java.util.stream.Stream<String> stream(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values.stream();
    }
}
