package io.mailpipe.app;

import io.mailpipe.camel.smtpd.SmtpdConsumer;
import io.mailpipe.queue.QueueFileFormat;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mailpipe.queue.QueueFileFormat;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application as the jar starts it: camel-main, application.properties, the shipped routes/ YAML. A message sent
 * over SMTP gets its 250 only once it is in the spool (exact bytes after our Received field, with its envelope); the
 * outbound route picks it up, and with no delivery endpoint configured defers it, so it stays queued.
 */
class MailpipeMainIT {

    @TempDir
    Path data;
    private Main main;

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
    }

    @Test
    void theDefaultInboundRouteStoresEachAcceptedMessageWithItsEnvelope() throws Exception {
        main = MailpipeMain.newMain(Path.of(""));
        main.addOverrideProperty("smtpd.port", "0");
        main.addOverrideProperty("mailpipe.spool.directory", data.resolve("spool").toString());
        main.addOverrideProperty("mailpipe.queue.event-log", data.resolve("events.log").toString());
        main.start();
        int port = ((SmtpdConsumer) main.getCamelContext().getRoute("inbound").getConsumer()).getLocalAddress().getPort();

        String message = "From: a@client.example\r\nTo: b@localhost\r\nSubject: stored\r\n\r\nbody line\r\n";
        String queued = converse(port, message);

        assertTrue(queued.startsWith("250 2.0.0"), queued);
        String queueId = queued.substring(queued.lastIndexOf(' ') + 1).trim();
        Path deferred = data.resolve("spool/deferred").resolve(queueId);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(deferred) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        QueueFileFormat.Layout layout = QueueFileFormat.readVerified(deferred);
        String stored;
        try (InputStream body = QueueFileFormat.openBody(deferred, layout)) {
            stored = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(stored.startsWith("Received: "), stored);
        assertTrue(stored.endsWith("\r\n" + message), stored);
        assertEquals("a@client.example", layout.record().mailFrom().reversePath());
        assertEquals("b@localhost", layout.record().recipients().get(0).address());
        assertEquals(1, layout.record().attempts());
        assertTrue(layout.record().lastError().contains("no delivery endpoint configured"), layout.record().lastError());
        String events = Files.readString(data.resolve("events.log"), StandardCharsets.UTF_8);
        assertTrue(events.contains("\"event\":\"deferred\",\"queueId\":\"" + queueId + "\""), events);
    }

    /** One plain SMTP transaction; returns the reply to the end of DATA. */
    private static String converse(int port, String message) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            out.write("EHLO client.example\r\n".getBytes(StandardCharsets.US_ASCII));
            String line;
            do {
                line = in.readLine();
            } while (line.startsWith("250-"));
            for (String command : new String[] {"MAIL FROM:<a@client.example>", "RCPT TO:<b@localhost>", "DATA"}) {
                out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
                expect(in, command.equals("DATA") ? "354" : "250");
            }
            out.write((message + ".\r\n").getBytes(StandardCharsets.UTF_8));
            String reply = in.readLine();
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            return reply;
        }
    }

    private static void expect(BufferedReader in, String code) throws Exception {
        String line = in.readLine();
        if (line == null || !line.startsWith(code)) {
            throw new AssertionError("expected " + code + " but got " + line);
        }
    }
}
