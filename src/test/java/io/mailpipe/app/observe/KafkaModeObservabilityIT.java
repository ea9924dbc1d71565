package io.mailpipe.app.observe;

import io.mailpipe.app.MailpipeMain;
import io.mailpipe.camel.smtpd.SmtpdConsumer;
import io.mailpipe.dns.UnboundServer;
import io.mailpipe.queue.kafka.EmbeddedKafka;
import io.mailpipe.smtp.server.SmtpServer;
import io.mailpipe.smtp.server.SmtpServerConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The management endpoint in Kafka mode against a real KRaft broker: readiness reports the brokers, deliveries are
 * counted as in spool mode, and the consumer lag of the queue topics is published and drops to zero once delivered.
 */
@ExtendWith(EmbeddedKafka.class)
class KafkaModeObservabilityIT {

    private static final int MESSAGES = 20;

    @Test
    void readinessCountsAndLagInKafkaMode() throws Exception {
        String prefix = "obs" + Long.toHexString(System.nanoTime());
        ExecutorService sinkWorkers = Executors.newFixedThreadPool(2);
        SmtpServer nextHop = new SmtpServer(SmtpServerConfig.builder().host("127.0.0.1").port(0)
                .serverName("next-hop.test").workerExecutor(sinkWorkers).build(),
                message -> CompletableFuture.completedFuture(null));
        nextHop.start();
        Main main = MailpipeMain.newMain(Path.of(""));
        try (UnboundServer dns = UnboundServer.startEmpty()) {
            main.addOverrideProperty("mailpipe.queue", "kafka");
            main.addOverrideProperty("mailpipe.kafka.brokers", EmbeddedKafka.bootstrapServers());
            main.addOverrideProperty("mailpipe.kafka.topic-prefix", prefix);
            main.addOverrideProperty("mailpipe.kafka.group-id", prefix);
            main.addOverrideProperty("mailpipe.kafka.partitions", "2");
            main.addOverrideProperty("mailpipe.kafka.consumers", "1");
            main.addOverrideProperty("mailpipe.kafka.poll-timeout-ms", "200");
            main.addOverrideProperty("mailpipe.dns-servers", dns.hostAndPort());
            main.addOverrideProperty("mailpipe.mx.overrides",
                    "localhost=127.0.0.1:" + nextHop.localAddress().getPort());
            main.addOverrideProperty("smtpd.port", "0");
            main.addOverrideProperty("mailpipe.management.port", "0");
            main.start();
            int smtpPort = ((SmtpdConsumer) main.getCamelContext().getRoute("inbound").getConsumer())
                    .getLocalAddress().getPort();
            int managementPort = Observability.of(main).orElseThrow().managementAddress().orElseThrow().getPort();

            sendMessages(smtpPort);
            String delivered = "mailpipe_deliveries_total{domain=\"localhost\",outcome=\"delivered\"}";
            String incomingLag = "mailpipe_queue_kafka_lag{topic=\"" + prefix + ".incoming\"}";
            String retryLag = "mailpipe_queue_kafka_lag{topic=\"" + prefix + ".retry.1m\"}";
            Map<String, Double> metrics = await(managementPort, m -> Double.valueOf(MESSAGES).equals(m.get(delivered))
                    && Double.valueOf(0).equals(m.get(incomingLag)) && m.containsKey(retryLag));

            assertEquals(MESSAGES, metrics.get(delivered));
            assertEquals(0.0, metrics.get(incomingLag), metrics.toString());
            assertEquals(0.0, metrics.get(retryLag), metrics.toString());
            assertEquals(MESSAGES, metrics.get("mailpipe_smtpd_messages_total{class=\"2xx\",code=\"250\"}"));
            HttpResponse<String> ready = Scrape.get(managementPort, ManagementServer.READY_PATH);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (ready.statusCode() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                ready = Scrape.get(managementPort, ManagementServer.READY_PATH);
            }
            assertEquals(200, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("{\"name\":\"kafka\",\"status\":\"UP\"}"), ready.body());
        } finally {
            main.stop();
            nextHop.stop();
            sinkWorkers.shutdownNow();
        }
    }

    private static Map<String, Double> await(int port, java.util.function.Predicate<Map<String, Double>> done)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Map<String, Double> metrics = Scrape.metrics(port);
        while (!done.test(metrics) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            metrics = Scrape.metrics(port);
        }
        return metrics;
    }

    private static void sendMessages(int port) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            command(out, in, "HELO client.test", "250");
            for (int i = 0; i < MESSAGES; i++) {
                command(out, in, "MAIL FROM:<a@client.test>", "250");
                command(out, in, "RCPT TO:<b@localhost>", "250");
                command(out, in, "DATA", "354");
                command(out, in, "Subject: " + i + "\r\n\r\nbody\r\n.", "250");
            }
            command(out, in, "QUIT", "221");
        }
    }

    private static void command(OutputStream out, BufferedReader in, String line, String code) throws Exception {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, code);
    }

    private static void expect(BufferedReader in, String code) throws Exception {
        String line = in.readLine();
        if (line == null || !line.startsWith(code)) {
            throw new AssertionError("expected " + code + " but got " + line);
        }
    }
}
