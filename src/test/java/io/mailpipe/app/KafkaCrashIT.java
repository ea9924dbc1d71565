package io.mailpipe.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailpipe.camel.kafkaqueue.SmtpTestClient;
import io.mailpipe.dns.UnboundServer;
import io.mailpipe.queue.kafka.EmbeddedKafka;
import io.mailpipe.queue.kafka.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash test of Kafka mode (RFC 5321 §6.1: a 250 is a promise): the application runs in its own JVM against the
 * test broker, which outlives it; a few thousand messages arrive over SMTP while the delivery endpoint answers 250,
 * 4xx then 250, or 5xx by recipient; the process is killed with SIGKILL mid-load, restarted, and the queue drained.
 * Every message that got a 250 must be delivered (or bounced, for the 5xx recipients); duplicate deliveries caused by
 * the kill are counted and reported.
 */
@ExtendWith(EmbeddedKafka.class)
class KafkaCrashIT {

    private static final int MESSAGES = 2000;
    private static final int KILL_AFTER = 800;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;
    private static UnboundServer dns;

    @BeforeAll
    static void startDns() throws Exception {
        dns = UnboundServer.startEmpty();
    }

    @AfterAll
    static void stopDns() throws Exception {
        dns.close();
    }
    private Process app;
    private final String prefix = "crash" + Long.toHexString(System.nanoTime());
    private final Map<String, List<String>> accepted = new ConcurrentHashMap<>();

    @AfterEach
    void stopApp() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void everyAcceptedMessageSurvivesAKillAndIsDeliveredOrBounced() throws Exception {
        int port = freePort();
        Path deliveries = work.resolve("deliveries.log");
        AtomicInteger next = new AtomicInteger();

        app = launch(port, deliveries, 1);
        Process first = app;
        Thread killer = new Thread(() -> {
            for (int i = 0; i < 12000 && accepted.size() < KILL_AFTER && first.isAlive(); i++) {
                sleep(10);
            }
            first.destroyForcibly();
        });
        killer.start();
        sendUntil(port, next, MESSAGES);
        killer.join();
        first.waitFor(30, TimeUnit.SECONDS);
        int acceptedBeforeKill = accepted.size();

        app = launch(port, deliveries, 2);
        sendUntil(port, next, MESSAGES);
        Map<String, String> outcomes = drain();

        Map<String, Integer> delivered = countDeliveries(deliveries);
        List<String> missing = new ArrayList<>();
        accepted.forEach((queueId, recipients) -> recipients.forEach(recipient -> {
            String key = queueId + " " + recipient;
            boolean bounce = recipient.startsWith("perm");
            String expected = bounce ? "bounced" : "delivered";
            if (!expected.equals(outcomes.get(key)) || (!bounce && !delivered.containsKey(key))) {
                missing.add(key + " -> " + outcomes.get(key));
            }
        }));
        long duplicates = delivered.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
        System.out.printf("kafka crash test: %d messages accepted (%d before the kill), %d recipient deliveries,"
                + " %d duplicate deliveries%n", accepted.size(), acceptedBeforeKill, delivered.size(), duplicates);
        assertTrue(acceptedBeforeKill >= KILL_AFTER / 2, "accepted before kill: " + acceptedBeforeKill);
        assertTrue(missing.isEmpty(), missing.size() + " lost: " + missing.subList(0, Math.min(10, missing.size())));
        assertEquals(Set.of(), Set.copyOf(delivered.keySet().stream()
                .filter(key -> key.contains(" perm")).toList()), "5xx recipients must never count as delivered");
    }

    private Process launch(int port, Path deliveries, int run) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dmailpipe.queue=kafka",
                "-Dmailpipe.management.port=0",
                "-Dmailpipe.kafka.brokers=" + EmbeddedKafka.bootstrapServers(),
                "-Dmailpipe.kafka.topic-prefix=" + prefix,
                "-Dmailpipe.kafka.group-id=" + prefix,
                "-Dmailpipe.kafka.partitions=3",
                "-Dmailpipe.kafka.poll-timeout-ms=200",
                "-Dmailpipe.queue.clock=#class:io.mailpipe.camel.kafkaqueue.FastClock",
                "-Dmailpipe.queue.retry-initial-delay=1m",
                "-Dmailpipe.delivery.uri=class:io.mailpipe.camel.kafkaqueue.RuleDelivery?bean.log=" + deliveries,
                "-Dmailpipe.queue.bounce-sink=#class:io.mailpipe.queue.LoggedBounces",
                "-Dmailpipe.dns-servers=" + dns.hostAndPort(),
                "-Dsmtpd.port=" + port,
                "-cp", System.getProperty("java.class.path"), MailpipeMain.class.getName()));
        Process process = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("app-" + run + ".log").toFile()).start();
        awaitListening(port, process);
        return process;
    }

    /** Sends numbered messages over four connections until {@code until} were attempted or the server died. */
    private void sendUntil(int port, AtomicInteger next, int until) throws InterruptedException {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 4; c++) {
            clients.submit(() -> {
                try (SmtpTestClient client = new SmtpTestClient(port)) {
                    int n;
                    while ((n = next.getAndIncrement()) < until) {
                        List<String> recipients = recipients(n);
                        String reply = client.send("load@client.example", recipients,
                                "Subject: crash " + n + "\r\n\r\nmessage " + n + "\r\n");
                        if (reply.startsWith("250")) {
                            accepted.put(SmtpTestClient.queueId(reply), recipients);
                        }
                    }
                } catch (IOException serverGone) {
                    return null;
                }
                return null;
            });
        }
        clients.shutdown();
        if (!clients.awaitTermination(5, TimeUnit.MINUTES)) {
            clients.shutdownNow();
        }
    }

    private static List<String> recipients(int n) {
        List<String> recipients = new ArrayList<>(List.of("ok" + n + "@d" + (n % 7) + ".example"));
        if (n % 5 == 0) {
            recipients.add("temp1x" + n + "@d" + (n % 7) + ".example");
        }
        if (n % 11 == 0) {
            recipients.add("perm" + n + "@e" + (n % 3) + ".example");
        }
        return recipients;
    }

    /** Reads mail.events until every accepted recipient has a final outcome; returns "queueId recipient" -> event. */
    private Map<String, String> drain() throws IOException {
        int expected = accepted.values().stream().mapToInt(List::size).sum();
        Map<String, String> outcomes = new HashMap<>();
        try (TopicReader events = new TopicReader(EmbeddedKafka.bootstrapServers(), prefix + ".events")) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            for (int round = 0; round < 100_000 && outcomes.size() < expected && System.nanoTime() < deadline;
                 round++) {
                outcomes.clear();
                for (ConsumerRecord<byte[], byte[]> record : events.poll(Duration.ofMillis(200))) {
                    JsonNode event = JSON.readTree(record.value());
                    String key = event.path("queueId").asText() + " " + event.path("recipient").asText();
                    if (accepted.containsKey(event.path("queueId").asText())
                            && !"deferred".equals(event.path("event").asText())) {
                        outcomes.put(key, event.path("event").asText());
                    }
                }
            }
        }
        return outcomes;
    }

    private static Map<String, Integer> countDeliveries(Path log) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : Files.readAllLines(log)) {
            if (!line.isBlank()) {
                counts.merge(line, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(int port, Process process) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                sleep(200);
            }
        }
        throw new IOException("the application did not start listening on " + port);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
