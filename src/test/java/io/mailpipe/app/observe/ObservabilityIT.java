package io.mailpipe.app.observe;

import io.mailpipe.app.MailpipeMain;
import io.mailpipe.camel.smtpd.SmtpdConsumer;
import io.mailpipe.dns.UnboundServer;
import io.mailpipe.smtp.ReceivedMessage;
import io.mailpipe.smtp.server.SmtpServer;
import io.mailpipe.smtp.server.SmtpServerConfig;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The management endpoint of the application as it runs: camel-main with application.properties and the shipped
 * routes, a spool in a temporary directory, DNS from a real unbound on loopback and a real SMTP server as the next
 * hop. Messages sent over SMTP show up in the metrics (accepted, bytes, SPF and DKIM results, deliveries, queue
 * depth); readiness goes down while smtpd drains at shutdown (liveness stays up) and when the spool directory is
 * gone; the endpoint itself stops only after the context.
 */
class ObservabilityIT {

    private static final int CONNECTIONS = 3;
    private static final int MESSAGES_PER_CONNECTION = 100;

    private static UnboundServer dns;
    private static ExecutorService sinkWorkers;
    private static SmtpServer nextHop;
    private static final AtomicInteger arrived = new AtomicInteger();

    @TempDir
    Path data;
    private Main main;
    private int smtpPort;
    private int managementPort;

    @BeforeAll
    static void startPeers() throws Exception {
        dns = UnboundServer.start(List.of(
                "local-zone: \"client.example.\" static",
                "local-data: 'client.example. 300 IN TXT \"v=spf1 ip4:127.0.0.0/8 -all\"'"), List.of());
        sinkWorkers = Executors.newFixedThreadPool(4);
        nextHop = new SmtpServer(SmtpServerConfig.builder().host("127.0.0.1").port(0).serverName("next-hop.test")
                .workerExecutor(sinkWorkers).build(), ObservabilityIT::accept);
        nextHop.start();
    }

    private static CompletableFuture<Void> accept(ReceivedMessage message) {
        arrived.incrementAndGet();
        return CompletableFuture.completedFuture(null);
    }

    @AfterAll
    static void stopPeers() throws Exception {
        nextHop.stop();
        sinkWorkers.shutdownNow();
        dns.close();
    }

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        arrived.set(0);
    }

    private void start() throws Exception {
        start(0);
    }

    private void start(int managementPortWanted) throws Exception {
        main = MailpipeMain.newMain(Path.of(""));
        main.addOverrideProperty("smtpd.port", "0");
        main.addOverrideProperty("mailpipe.management.port", String.valueOf(managementPortWanted));
        main.addOverrideProperty("mailpipe.spool.directory", data.resolve("spool").toString());
        main.addOverrideProperty("mailpipe.spool.segment-size", "1048576");
        main.addOverrideProperty("mailpipe.queue.event-log", data.resolve("events.log").toString());
        main.addOverrideProperty("mailpipe.dns-servers", "127.0.0.1:" + dns.address().getPort());
        main.addOverrideProperty("mailpipe.mx.overrides", "localhost=127.0.0.1:" + nextHop.localAddress().getPort());
        main.start();
        smtpPort = ((SmtpdConsumer) main.getCamelContext().getRoute("inbound").getConsumer()).getLocalAddress()
                .getPort();
        managementPort = Observability.of(main).orElseThrow().managementAddress().orElseThrow().getPort();
    }

    @Test
    void theMetricsCountWhatWasSentCheckedAndDelivered() throws Exception {
        start();
        ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            List<Future<Integer>> sessions = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                sessions.add(clients.submit(() -> sendMessages(smtpPort, MESSAGES_PER_CONNECTION)));
            }
            for (Future<Integer> session : sessions) {
                assertEquals(MESSAGES_PER_CONNECTION, session.get(120, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }
        int sent = CONNECTIONS * MESSAGES_PER_CONNECTION;
        Map<String, Double> metrics = awaitMetric(
                "mailpipe_deliveries_total{domain=\"localhost\",outcome=\"delivered\"}", sent);

        assertEquals(sent, metrics.get("mailpipe_smtpd_messages_total{class=\"2xx\",code=\"250\"}"));
        assertEquals(CONNECTIONS, metrics.get("mailpipe_smtpd_connections_total"));
        assertTrue(metrics.get("mailpipe_smtpd_received_bytes_total") > sent * 100, metrics.toString());
        assertEquals(sent, metrics.get("mailpipe_spf_results_total{result=\"pass\"}"));
        assertEquals(sent, metrics.get("mailpipe_dkim_results_total{result=\"none\"}"));
        assertEquals(sent, metrics.get("mailpipe_delivery_latency_seconds_count{outcome=\"delivered\"}"));
        assertTrue(metrics.get("mailpipe_dns_lookups_total{status=\"found\",type=\"TXT\"}") >= 1, metrics.toString());
        for (String state : List.of("incoming", "active", "deferred", "dead")) {
            assertTrue(metrics.containsKey("mailpipe_queue_messages{state=\"" + state + "\"}"), state);
        }
        assertEquals(0, metrics.get("mailpipe_queue_messages{state=\"dead\"}"));
        assertEquals(sent, arrived.get());
        assertEquals(200, Scrape.get(managementPort, ManagementServer.LIVE_PATH).statusCode());
        HttpResponse<String> ready = Scrape.get(managementPort, ManagementServer.READY_PATH);
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("{\"name\":\"spool\",\"status\":\"UP\"}"), ready.body());
    }

    @Test
    void readinessIsDownWhileSmtpdDrainsAtShutdownAndLivenessStaysUp() throws Exception {
        start();
        ExecutorService stopper = Executors.newSingleThreadExecutor();
        try (Socket socket = new Socket("127.0.0.1", smtpPort)) {
            socket.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            openTransaction(in, out);
            out.write("Subject: held\r\n\r\nthe end of data comes after the drain began\r\n".getBytes(
                    StandardCharsets.US_ASCII));
            out.flush();
            Future<?> stopping = stopper.submit(() -> main.stop());

            HttpResponse<String> ready = awaitReadiness(503, "{\"name\":\"smtpd\",\"status\":\"DOWN\"");
            HttpResponse<String> live = Scrape.get(managementPort, ManagementServer.LIVE_PATH);

            assertEquals(200, live.statusCode(), live.body());
            assertTrue(ready.body().contains("{\"name\":\"camel-context\",\"status\":\"DOWN\""), ready.body());
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = in.readLine();
            assertTrue(reply != null && reply.startsWith("250"), "a message finished during the drain got " + reply);
            stopping.get(60, TimeUnit.SECONDS);
        } finally {
            stopper.shutdownNow();
        }
        main = null;
        assertThrows(ConnectException.class, () -> Scrape.get(managementPort, ManagementServer.LIVE_PATH));
    }

    @Test
    void readinessIsDownWhileTheSpoolDirectoryIsNotADirectory() throws Exception {
        start();
        assertEquals(200, awaitReadiness(200).statusCode());
        Path spool = data.resolve("spool");
        Path aside = data.resolve("spool-aside");
        Files.move(spool, aside);
        Files.writeString(spool, "not a directory");
        try {
            HttpResponse<String> ready = awaitReadiness(503, "{\"name\":\"spool\",\"status\":\"DOWN\"");
            assertTrue(ready.body().contains("is not a writable directory"), ready.body());
            assertEquals(200, Scrape.get(managementPort, ManagementServer.LIVE_PATH).statusCode());
        } finally {
            Files.delete(spool);
            Files.move(aside, spool);
        }
        assertEquals(200, awaitReadiness(200).statusCode());
    }

    @Test
    void aManagementPortInUseStopsTheStartAndNamesTheProperties() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Exception failure = assertThrows(Exception.class, () -> start(taken.getLocalPort()));

            String messages = causes(failure);
            assertTrue(messages.contains("cannot start the management endpoint on 127.0.0.1:" + taken.getLocalPort()
                    + " (mailpipe.management.host/port)"), messages);
        }
    }

    private static String causes(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < 10_000; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }

    private HttpResponse<String> awaitReadiness(int status) throws Exception {
        return awaitReadiness(status, "");
    }

    /** Polls readiness until it answers {@code status} with {@code text} in the body (at most 20 s). */
    private HttpResponse<String> awaitReadiness(int status, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        HttpResponse<String> response = Scrape.get(managementPort, ManagementServer.READY_PATH);
        while ((response.statusCode() != status || !response.body().contains(text)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            response = Scrape.get(managementPort, ManagementServer.READY_PATH);
        }
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains(text), response.body());
        return response;
    }

    private Map<String, Double> awaitMetric(String sample, double expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Map<String, Double> metrics = Scrape.metrics(managementPort);
        while (!Double.valueOf(expected).equals(metrics.get(sample)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            metrics = Scrape.metrics(managementPort);
        }
        assertEquals(expected, metrics.get(sample), sample);
        return metrics;
    }

    /** One session sending {@code count} messages from a@client.example to b@localhost; returns the 250s. */
    private static int sendMessages(int port, int count) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            int accepted = 0;
            expect(in, "220");
            command(out, "EHLO client.example");
            String line;
            do {
                line = in.readLine();
            } while (line != null && line.startsWith("250-"));
            for (int i = 0; i < count; i++) {
                command(out, "MAIL FROM:<a@client.example>");
                expect(in, "250");
                command(out, "RCPT TO:<b@localhost>");
                expect(in, "250");
                command(out, "DATA");
                expect(in, "354");
                out.write(("From: a@client.example\r\nTo: b@localhost\r\nMessage-ID: <" + i + "@client.example>\r\n"
                        + "Subject: number " + i + "\r\n\r\nbody of message " + i + "\r\n.\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if (in.readLine().startsWith("250")) {
                    accepted++;
                }
            }
            command(out, "QUIT");
            expect(in, "221");
            return accepted;
        }
    }

    private static void openTransaction(BufferedReader in, OutputStream out) throws Exception {
        expect(in, "220");
        command(out, "HELO client.example");
        expect(in, "250");
        command(out, "MAIL FROM:<a@client.example>");
        expect(in, "250");
        command(out, "RCPT TO:<b@localhost>");
        expect(in, "250");
        command(out, "DATA");
        expect(in, "354");
    }

    private static void command(OutputStream out, String line) throws Exception {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void expect(BufferedReader in, String code) throws Exception {
        String line = in.readLine();
        if (line == null || !line.startsWith(code)) {
            throw new AssertionError("expected " + code + " but got " + line);
        }
    }
}
