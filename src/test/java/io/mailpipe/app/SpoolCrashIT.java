package io.mailpipe.app;

import io.mailpipe.dns.UnboundServer;
import io.mailpipe.queue.spool.QueuedMessage;
import io.mailpipe.queue.spool.SpoolListing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "250 means durable" under SIGKILL (RFC 5321 §6.1): the real application runs as its own JVM with the shipped
 * routes (smtpd: → spool:, spool: → delivery; small journal segments, so that checkpoints run under load),
 * delivering to a stand-in MX that answers 250, 451-then-250 or 550.
 * Many SMTP clients send a few thousand messages; the process is killed with SIGKILL mid-load, started again on the
 * same spool and left to drain, then stopped. Every message that got a 250 must then be delivered, bounced or still
 * queued; the number of duplicate deliveries (at-least-once after the crash) is reported.
 */
class SpoolCrashIT {

    private static final int MESSAGES = 3000;
    private static final int CLIENTS = 20;
    private static final int KILL_AFTER = 1000;

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
    private Process mailpipe;

    @AfterEach
    void stop() throws InterruptedException {
        if (mailpipe != null && mailpipe.isAlive()) {
            mailpipe.destroy();
            if (!mailpipe.waitFor(30, TimeUnit.SECONDS)) {
                mailpipe.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void everyAcknowledgedMessageSurvivesSigkill() throws Exception {
        int port = freePort();
        mailpipe = start(port, "first");
        Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.execute(() -> sendUntilRefused(port, next, acknowledged));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (acknowledged.size() < KILL_AFTER && System.nanoTime() < deadline && mailpipe.isAlive()) {
            Thread.sleep(5);
        }
        mailpipe.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        int acknowledgedBeforeKill = acknowledged.size();
        clients.shutdown();
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
        assertTrue(acknowledgedBeforeKill >= KILL_AFTER, "only " + acknowledgedBeforeKill + " acknowledged");
        assertTrue(next.get() < MESSAGES, "the kill must come mid-load");

        mailpipe = start(port, "second");
        awaitOutcomes(acknowledged.keySet());
        mailpipe.destroy();
        assertTrue(mailpipe.waitFor(60, TimeUnit.SECONDS), "mailpipe did not stop on SIGTERM");

        Map<String, Integer> deliveries = deliveries();
        Set<String> bounced = bouncedRecipients();
        Set<String> queued = queuedIds();
        List<String> lost = new ArrayList<>();
        for (Map.Entry<Integer, String> message : acknowledged.entrySet()) {
            String recipient = recipient(message.getKey());
            if (!deliveries.containsKey(recipient) && !bounced.contains(recipient)
                    && !queued.contains(message.getValue())) {
                lost.add(message.getValue() + " " + recipient);
            }
        }
        int duplicates = deliveries.values().stream().mapToInt(n -> n - 1).sum();
        System.out.printf("crash test: %d acknowledged (%d before SIGKILL), %d delivered, %d bounced, %d queued, "
                + "%d lost, %d duplicate deliveries%n", acknowledged.size(), acknowledgedBeforeKill,
                deliveries.size(), bounced.size(), queued.size(), lost.size(), duplicates);
        assertEquals(List.of(), lost);
        long expectedBounces = acknowledged.keySet().stream().filter(i -> recipient(i).startsWith("hard-")).count();
        assertTrue(bounced.size() >= expectedBounces, "every hard recipient is bounced");
    }

    private Process start(int port, String name) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-cp", classpath, MailpipeMain.class.getName())
                .directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("SMTPD_PORT", Integer.toString(port));
        env.put("MAILPIPE_MANAGEMENT_ENABLED", "false");
        env.put("SMTPD_MAX_CONNECTIONS_PER_CLIENT", "1000");
        env.put("MAILPIPE_ROUTES",
                "classpath:routes/*.camel.yaml,classpath:routes/spool/*.camel.yaml,classpath:crash-test/*.camel.yaml");
        env.put("MAILPIPE_SPOOL_DIRECTORY", work.resolve("spool").toString());
        env.put("MAILPIPE_QUEUE_EVENT_LOG", work.resolve("events.log").toString());
        env.put("MAILPIPE_SPOOL_SEGMENT_SIZE", Integer.toString(1 << 20));
        env.put("MAILPIPE_QUEUE_RETRY_INITIAL_DELAY", "1s");
        env.put("MAILPIPE_QUEUE_RETRY_MAX_DELAY", "2s");
        env.put("MAILPIPE_DELIVERY_URI", "direct:crash-test-sink");
        env.put("MAILPIPE_QUEUE_BOUNCE_SINK", "#class:io.mailpipe.queue.LoggedBounces");
        env.put("MAILPIPE_DNS_SERVERS", dns.hostAndPort());
        env.put("CRASH_DELIVERED_LOG", work.resolve("delivered.log").toString());
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return process;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new AssertionError("mailpipe did not start:\n" + Files.readString(work.resolve(name + ".log")));
    }

    /** Sends messages over one connection after another until the server is gone. */
    private static void sendUntilRefused(int port, AtomicInteger next, Map<Integer, String> acknowledged) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            reply(in);
            command(out, "EHLO crash.client.test");
            reply(in);
            int i;
            while ((i = next.getAndIncrement()) < MESSAGES) {
                command(out, "MAIL FROM:<sender@client.test>");
                reply(in);
                command(out, "RCPT TO:<" + recipient(i) + ">");
                reply(in);
                command(out, "DATA");
                reply(in);
                out.write(("Subject: crash " + i + "\r\n\r\n" + "x".repeat(2000) + "\r\n.\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String done = reply(in);
                if (done.startsWith("250 ")) {
                    acknowledged.put(i, done.substring(done.lastIndexOf(' ') + 1));
                }
            }
        } catch (IOException serverGone) {
            // the SIGKILL ended this session; messages without a 250 are not the server's responsibility
        }
    }

    private static String recipient(int i) {
        String kind = switch (i % 10) {
            case 7, 8 -> "soft";
            case 9 -> "hard";
            default -> "ok";
        };
        return kind + "-" + i + "@sink.test";
    }

    /** Waits (bounded) until every acknowledged message was delivered or bounced. */
    private void awaitOutcomes(Set<Integer> acknowledged) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (System.nanoTime() < deadline && !allHaveOutcomes(acknowledged)) {
            sleep(200);
        }
    }

    private boolean allHaveOutcomes(Set<Integer> acknowledged) throws IOException {
        Map<String, Integer> deliveries = deliveries();
        Set<String> bounced = bouncedRecipients();
        return acknowledged.stream().map(SpoolCrashIT::recipient)
                .allMatch(r -> deliveries.containsKey(r) || bounced.contains(r));
    }

    private Map<String, Integer> deliveries() throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        Path log = work.resolve("delivered.log");
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log, StandardCharsets.US_ASCII)) {
                if (line.contains(" ")) {
                    counts.merge(line.substring(line.indexOf(' ') + 1), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private Set<String> bouncedRecipients() throws IOException {
        Set<String> bounced = new HashSet<>();
        Path log = work.resolve("events.log");
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.contains("\"event\":\"bounced\"")) {
                    int start = line.indexOf("\"recipient\":\"") + 13;
                    bounced.add(line.substring(start, line.indexOf('"', start)));
                }
            }
        }
        return bounced;
    }

    /** Every message still in the spool, in a file of its own or only in the journal. */
    private Set<String> queuedIds() throws IOException {
        return SpoolListing.read(work.resolve("spool"), Instant.now()).stream().map(QueuedMessage::queueId)
                .collect(Collectors.toSet());
    }

    private static void command(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static String reply(BufferedReader in) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
