package io.mailpipe.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailpipe.app.cli.CliStreams;
import io.mailpipe.app.cli.MailpipeCli;
import io.mailpipe.app.observe.Observability;
import io.mailpipe.camel.kafkaqueue.KafkaQueue;
import io.mailpipe.dns.UnboundServer;
import io.mailpipe.feedback.BounceCategory;
import io.mailpipe.feedback.SuppressionEntry;
import io.mailpipe.queue.kafka.EmbeddedKafka;
import io.mailpipe.queue.kafka.TopicReader;
import io.mailpipe.testing.CountingSink;
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
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bulk sending end to end in Kafka mode against a real (embedded KRaft) broker and the shipped routes: 10,000 send
 * requests on {@code <prefix>.submit} (produced in acknowledged batches), one in a hundred invalid, delivered by MX
 * lookup (RFC 5321 §5.1) in a loopback unbound to three simulated providers on 127.0.0.2, .3 and .4, each a site of
 * the traffic shaper with small connection and per-connection limits; the third answers its first transactions with
 * 421 4.7.0, so deliveries are deferred and retried (a clock sixty times faster than real time makes the retry tiers
 * seconds). Addresses put on the suppression list with {@code mailpipe suppress add} beforehand are never contacted.
 * The first provider answers 550 5.1.1 for a fixed set of addresses: each gets one bounced event classified
 * bad_mailbox and is then on the suppression list (a hard bounce). Every valid recipient gets exactly one final
 * event, the sinks never see more connections or messages per connection than the site allows, and every invalid
 * request is on {@code <prefix>.submit.rejected} with its reason. The failure report (DSN) of each bounce reaches
 * the sender's domain, served by the first provider; reports carry no idempotency key and have no final event of
 * their own in the count.
 */
@ExtendWith(EmbeddedKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "e2e" + Long.toHexString(System.nanoTime());
    private static final int REQUESTS = 10_000;
    private static final int BATCH = 1_000;
    private static final int PUSHED_BACK_TRANSACTIONS = 3;
    private static final Duration EVENT_WAIT = Duration.ofSeconds(240);
    private static final Set<String> FINAL = Set.of("delivered", "bounced", "suppressed", "expired");
    private static final String[] DOMAINS = {"a1.test", "b1.test", "g1.test", "a2.test", "b2.test", "g2.test",
        "a3.test", "b3.test", "g3.test", "a4.test"};
    private static final String[] INVALID = {"schema", "address", "body"};
    private static final String SENDER_DOMAIN = "acme.example";
    private static final String SENDER = "news@" + SENDER_DOMAIN;
    private static final String FROM = "{\"address\":\"" + SENDER + "\"}";
    /** Requests whose one recipient (on a domain of the first provider) does not exist there. */
    private static final int UNKNOWN_USER_EVERY = 500;
    private static final int UNKNOWN_USER_AT = 13;

    /** One site: its name, its sink's address, the MX host its domains point to, and its limits. */
    private record Site(String name, String address, String mxHost, int maxConnections, int maxPerConnection) {
    }

    private static final List<Site> SITES = List.of(
            new Site("alpha", "127.0.0.2", "mx.alpha.test", 3, 5),
            new Site("beta", "127.0.0.3", "mx.beta.test", 2, 3),
            new Site("gamma", "127.0.0.4", "mx.gamma.test", 2, 4));

    /**
     * One request: its key, JSON, tenant, recipients to reach, recipients suppressed, recipients the provider refuses
     * with 550 5.1.1, or its rejection reason.
     */
    private record Request(String key, String json, String tenant, List<String> reached, List<String> suppressed,
                           List<String> unknown, String rejection) {
    }

    @TempDir
    static Path directory;

    private final Map<String, CountingSink> sinks = new HashMap<>();
    private UnboundServer dns;
    private Main main;

    @BeforeAll
    void start() throws Exception {
        int port = 0;
        for (Site site : SITES) {
            CountingSink sink = new CountingSink(site.address(), port);
            port = sink.port();
            sinks.put(site.name(), sink);
        }
        sinks.get("gamma").pushBackTransactions(PUSHED_BACK_TRANSACTIONS);
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            unknown.addAll(request(i).unknown());
        }
        sinks.get("alpha").refuseRecipients(unknown);
        dns = UnboundServer.start(zone(), List.of());
        main = MailpipeMain.newMain(Path.of(""));
        properties(port).forEach(main::addOverrideProperty);
        main.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (main != null) {
            main.stop();
        }
        for (CountingSink sink : sinks.values()) {
            sink.close();
        }
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void everyRecipientGetsOneFinalEventWithinSiteLimitsAndSuppressedAndInvalidOnesNeverGoOut() throws Exception {
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(request(i));
        }
        Set<String> suppressed = new HashSet<>();
        requests.forEach(r -> suppressed.addAll(r.suppressed()));
        suppress(suppressed);
        produce(requests);

        Map<String, String> expected = new HashMap<>();
        for (Request request : requests) {
            request.reached().forEach(to -> expected.put(request.key() + " " + to, "delivered"));
            request.suppressed().forEach(to -> expected.put(request.key() + " " + to, "suppressed"));
            request.unknown().forEach(to -> expected.put(request.key() + " " + to, "bounced"));
        }
        List<JsonNode> events = awaitFinalEvents(expected.size());
        Map<String, List<String>> finals = new HashMap<>();
        finalsOf(events, finals);
        assertTrue(events.stream().filter(e -> e.path("event").asText().equals("deferred")).count()
                >= PUSHED_BACK_TRANSACTIONS, "deferrals after the 421 replies");

        assertEquals(List.of(), finals.entrySet().stream().filter(e -> e.getValue().size() != 1)
                .map(e -> e.getKey() + " " + e.getValue()).limit(20).toList(), "recipients with several final events");
        Map<String, String> seen = new HashMap<>();
        finals.forEach((recipient, types) -> seen.put(recipient, types.get(0)));
        assertEquals(expected, seen, "final event per recipient");
        assertSitesWithinLimits();
        assertShapingMeters();
        assertNotContacted(suppressed);
        assertRejections(requests.stream().filter(r -> r.rejection() != null).toList());
        assertHardBouncesSuppressed(requests.stream().filter(r -> !r.unknown().isEmpty()).toList(), events);
    }

    private Request request(int i) {
        String tenant = "t" + (i % 3);
        String key = "e2e-" + i;
        String head = "{\"schema\":\"mailpipe.send/1\",\"tenant\":\"" + tenant + "\",\"campaign\":\"c" + (i % 4)
                + "\",\"idempotencyKey\":\"" + key + "\",\"from\":" + FROM + ",";
        String one = "u" + i + "@" + DOMAINS[i % DOMAINS.length];
        if (i % 100 == 99) {
            String reason = INVALID[(i / 100) % INVALID.length];
            String json = switch (reason) {
                case "schema" -> head + "\"recipients\":[\"" + one + "\"],\"subject\":\"s\",\"text\":\"t\",\"x\":1}";
                case "address" -> head + "\"recipients\":[\"bad@@" + DOMAINS[0]
                        + "\"],\"subject\":\"s\",\"text\":\"t\"}";
                default -> head + "\"recipients\":[\"" + one + "\"],\"subject\":\"s\"}";
            };
            return new Request(key, json, tenant, List.of(), List.of(), List.of(), reason);
        }
        if (i % UNKNOWN_USER_EVERY == UNKNOWN_USER_AT) {
            String unknown = "gone" + i + "@" + DOMAINS[i % DOMAINS.length];
            return new Request(key, head + "\"recipients\":[\"" + unknown + "\"],\"subject\":\"s\",\"text\":\"t\"}",
                    tenant, List.of(), List.of(), List.of(unknown), null);
        }
        List<String> reached = new ArrayList<>(List.of(one));
        if (i % 4 == 0) {
            reached.add("v" + i + "@" + DOMAINS[(i + 1) % DOMAINS.length]);
        }
        List<String> suppressed = i % 200 == 7 ? List.of("S" + i + "@" + DOMAINS[(i + 2) % DOMAINS.length])
                : List.of();
        List<String> all = new ArrayList<>(reached);
        all.addAll(suppressed);
        String json = head + "\"recipients\":[\"" + String.join("\",\"", all) + "\"],\"subject\":\"Offer " + i
                + "\",\"text\":\"Hello " + i + "\"}";
        return new Request(key, json, tenant, reached, suppressed, List.of(), null);
    }

    /** Puts {@code addresses} on the global suppression list with the CLI, then waits until the app knows them. */
    private void suppress(Set<String> addresses) throws Exception {
        List<String> args = new ArrayList<>(List.of("suppress", "add", "--brokers", EmbeddedKafka.bootstrapServers(),
                "--topic-prefix", PREFIX));
        args.addAll(addresses);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = MailpipeCli.execute(args.toArray(String[]::new), new CliStreams(new ByteArrayInputStream(
                new byte[0]), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), null));
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        KafkaQueue queue = main.getCamelContext().getRegistry().lookupByNameAndType("kafkaQueue", KafkaQueue.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && addresses.stream().anyMatch(a -> queue.suppression("t0", a).isEmpty())) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), addresses.stream().filter(a -> queue.suppression("t0", a).isEmpty()).toList(),
                "addresses not suppressed within 30 s");
    }

    private void produce(List<Request> requests) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (int start = 0; start < requests.size(); start += BATCH) {
                List<Future<?>> acks = new ArrayList<>();
                for (Request request : requests.subList(start, Math.min(requests.size(), start + BATCH))) {
                    acks.add(producer.send(new ProducerRecord<>(PREFIX + ".submit",
                            (request.tenant() + "/" + request.key()).getBytes(StandardCharsets.UTF_8),
                            request.json().getBytes(StandardCharsets.UTF_8))));
                }
                for (Future<?> ack : acks) {
                    ack.get(60, TimeUnit.SECONDS);
                }
            }
        }
    }

    /**
     * The events on mail.events once {@code count} recipients have a final one, after two more seconds of reading so
     * that a second final event for a recipient would show; fails when they do not arrive within the wait.
     */
    private List<JsonNode> awaitFinalEvents(int count) throws Exception {
        List<JsonNode> read = new ArrayList<>();
        Map<String, List<String>> finals = new HashMap<>();
        try (TopicReader events = new TopicReader(EmbeddedKafka.bootstrapServers(), PREFIX + ".events")) {
            long deadline = System.nanoTime() + EVENT_WAIT.toNanos();
            int found = 0;
            while (found < count && System.nanoTime() < deadline) {
                found = finalsOf(poll(events, read), finals);
            }
            assertEquals(count, finals.size(), "recipients with a final event after " + EVENT_WAIT.toSeconds()
                    + " s (messages at the sinks: " + messages() + ")");
            long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (System.nanoTime() < settle) {
                poll(events, read);
            }
        }
        return read;
    }

    /** Adds the events of one more poll of up to half a second to {@code read}; returns it. */
    private static List<JsonNode> poll(TopicReader events, List<JsonNode> read) throws Exception {
        List<ConsumerRecord<byte[], byte[]>> all = events.poll(Duration.ofMillis(500));
        for (ConsumerRecord<byte[], byte[]> record : all.subList(read.size(), all.size())) {
            read.add(JSON.readTree(record.value()));
        }
        return read;
    }

    /**
     * Fills {@code finals} with the final event types per "key recipient" in {@code events} of the requests' messages
     * (failure reports the queue made itself have no idempotency key); returns its size.
     */
    private static int finalsOf(List<JsonNode> events, Map<String, List<String>> finals) {
        finals.clear();
        for (JsonNode event : events) {
            String type = event.path("event").asText();
            if (FINAL.contains(type) && event.hasNonNull("idempotencyKey")) {
                finals.computeIfAbsent(event.path("idempotencyKey").asText() + " "
                        + event.path("recipient").asText(), k -> new ArrayList<>()).add(type);
            }
        }
        return finals.size();
    }

    private Map<String, Integer> messages() {
        Map<String, Integer> counts = new HashMap<>();
        sinks.forEach((name, sink) -> counts.put(name, sink.messages()));
        return counts;
    }

    private void assertSitesWithinLimits() {
        for (Site site : SITES) {
            CountingSink sink = sinks.get(site.name());
            assertTrue(sink.messages() > 0, site.name() + " got no mail");
            assertTrue(sink.maxConcurrentConnections() <= site.maxConnections(), site.name() + ": at most "
                    + site.maxConnections() + " connections at once, saw " + sink.maxConcurrentConnections());
            assertTrue(sink.maxConcurrentTransactions() <= site.maxConnections(), site.name() + ": at most "
                    + site.maxConnections() + " transactions at once, saw " + sink.maxConcurrentTransactions());
            assertTrue(sink.maxMessagesPerConnection() <= site.maxPerConnection(), site.name() + ": at most "
                    + site.maxPerConnection() + " messages per connection, saw " + sink.maxMessagesPerConnection());
        }
    }

    /** The shaping meters on the management endpoint: gauges of every site, and the pushing provider's back-offs. */
    private void assertShapingMeters() throws Exception {
        int port = Observability.of(main).orElseThrow().managementAddress().orElseThrow().getPort();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/observe/metrics")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        Map<String, Double> samples = new HashMap<>();
        response.body().lines().filter(line -> line.startsWith("mailpipe_shaping_")).forEach(line -> {
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        });
        for (Site site : SITES) {
            assertTrue(samples.containsKey("mailpipe_shaping_connections{site=\"" + site.name() + "\"}"),
                    samples.toString());
            assertTrue(samples.containsKey("mailpipe_shaping_rate{site=\"" + site.name() + "\"}"), samples.toString());
        }
        assertTrue(samples.getOrDefault("mailpipe_shaping_backoffs_total{site=\"gamma\"}", 0.0) >= 1,
                samples.toString());
    }

    private void assertNotContacted(Set<String> suppressed) {
        Set<String> lowered = new HashSet<>();
        suppressed.forEach(a -> lowered.add(a.toLowerCase(Locale.ROOT)));
        List<String> contacted = new ArrayList<>();
        sinks.values().forEach(sink -> sink.rcptAddresses().stream()
                .filter(a -> lowered.contains(a.toLowerCase(Locale.ROOT))).forEach(contacted::add));
        assertEquals(List.of(), contacted, "suppressed addresses that reached RCPT");
    }

    /**
     * Each refused recipient was bounced once as bad_mailbox (550 5.1.1) and is now on the suppression list as a
     * hard bounce, for its tenant as for any other.
     */
    private void assertHardBouncesSuppressed(List<Request> refused, List<JsonNode> events) throws Exception {
        Map<String, List<String>> bounces = new HashMap<>();
        for (JsonNode event : events) {
            if (event.path("event").asText().equals("bounced") && event.hasNonNull("idempotencyKey")) {
                bounces.computeIfAbsent(event.path("recipient").asText(), k -> new ArrayList<>())
                        .add(event.path("code").asInt() + " " + event.path("enhancedStatus").asText() + " "
                                + event.path("category").asText());
            }
        }
        Map<String, List<String>> expected = new HashMap<>();
        refused.forEach(r -> r.unknown().forEach(to -> expected.put(to, List.of("550 5.1.1 bad_mailbox"))));
        assertEquals(expected, bounces, "bounced events");
        KafkaQueue queue = main.getCamelContext().getRegistry().lookupByNameAndType("kafkaQueue", KafkaQueue.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> missing = notHardBounceSuppressed(queue, refused);
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            missing = notHardBounceSuppressed(queue, refused);
        }
        assertEquals(List.of(), missing, "refused recipients not on the suppression list within 30 s");
        CountingSink senderSite = sinks.get(SITES.get(0).name());
        long reportDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (reportsTo(senderSite) < expected.size() && System.nanoTime() < reportDeadline) {
            Thread.sleep(100);
        }
        assertEquals(expected.size(), reportsTo(senderSite), "failure reports to " + SENDER);
    }

    private static long reportsTo(CountingSink sink) {
        return sink.rcptAddresses().stream().filter(SENDER::equalsIgnoreCase).count();
    }

    private static List<String> notHardBounceSuppressed(KafkaQueue queue, List<Request> refused) {
        List<String> missing = new ArrayList<>();
        for (Request request : refused) {
            for (String address : request.unknown()) {
                boolean listed = queue.suppression(request.tenant(), address)
                        .filter(entry -> entry.reason().equals(SuppressionEntry.HARD_BOUNCE)
                                && entry.category() == BounceCategory.BAD_MAILBOX).isPresent()
                        && queue.suppression("another-tenant", address).isPresent();
                if (!listed) {
                    missing.add(address);
                }
            }
        }
        return missing;
    }

    private void assertRejections(List<Request> invalid) throws Exception {
        Map<String, String> expected = new HashMap<>();
        invalid.forEach(r -> expected.put(r.tenant() + "/" + r.key(), r.rejection()));
        Map<String, String> seen = new HashMap<>();
        try (TopicReader rejected = new TopicReader(EmbeddedKafka.bootstrapServers(), PREFIX + ".submit.rejected")) {
            for (int round = 0; round < 60 && seen.size() < expected.size(); round++) {
                for (ConsumerRecord<byte[], byte[]> record : rejected.poll(Duration.ofMillis(500))) {
                    JsonNode body = JSON.readTree(record.value());
                    seen.put(body.path("source").path("key").asText(), body.path("reason").asText());
                }
            }
        }
        assertEquals(expected, seen, "rejected requests and their reasons");
    }

    private List<String> zone() {
        List<String> zone = new ArrayList<>();
        for (String domain : DOMAINS) {
            Site site = SITES.get("abg".indexOf(domain.charAt(0)));
            zone.add("local-data: '" + domain + ". 300 IN MX 10 " + site.mxHost() + ".'");
        }
        SITES.forEach(site -> zone.add("local-data: '" + site.mxHost() + ". 300 IN A " + site.address() + "'"));
        zone.add("local-data: '" + SENDER_DOMAIN + ". 300 IN MX 10 " + SITES.get(0).mxHost() + ".'");
        return zone;
    }

    private Map<String, String> properties(int port) throws Exception {
        StringBuilder limits = new StringBuilder("defaults: {max-connections: 1, max-messages-per-connection: 1}\n"
                + "sites:\n");
        SITES.forEach(site -> limits.append("  ").append(site.name()).append(": {mx: [\"").append(site.mxHost())
                .append("\"], max-connections: ").append(site.maxConnections())
                .append(", max-messages-per-connection: ").append(site.maxPerConnection())
                .append(", max-messages-per-second: 1000}\n"));
        limits.append("back-off: {suspend-seconds: 1, max-suspend-seconds: 1, min-rate-factor: 0.5}\n");
        Map<String, String> properties = new HashMap<>();
        properties.put("mailpipe.queue", "kafka");
        properties.put("mailpipe.kafka.brokers", EmbeddedKafka.bootstrapServers());
        properties.put("mailpipe.kafka.topic-prefix", PREFIX);
        properties.put("mailpipe.kafka.group-id", PREFIX);
        properties.put("mailpipe.kafka.partitions", "12");
        properties.put("mailpipe.kafka.consumers", "6");
        properties.put("mailpipe.kafka.poll-timeout-ms", "200");
        properties.put("mailpipe.queue.clock", "#class:io.mailpipe.camel.kafkaqueue.FastClock");
        properties.put("mailpipe.bulk.enabled", "true");
        properties.put("mailpipe.bulk.consumers", "4");
        properties.put("mailpipe.shaping.enabled", "true");
        properties.put("mailpipe.shaping.file", Files.writeString(directory.resolve("limits.yaml"), limits)
                .toString());
        properties.put("mailpipe.dns-servers", dns.hostAndPort());
        properties.put("mailpipe.mx.port", Integer.toString(port));
        properties.put("mailpipe.mx.tls-policy", "none");
        properties.put("smtpd.port", "0");
        properties.put("mailpipe.management.port", "0");
        return properties;
    }
}
