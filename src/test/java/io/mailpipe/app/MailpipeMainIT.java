package io.mailpipe.app;

import io.mailpipe.camel.smtpd.SmtpdConsumer;
import io.mailpipe.dns.UnboundServer;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application as the jar starts it: camel-main, application.properties, the shipped routes/ YAML, with DNS from
 * a real unbound on loopback. A message sent over SMTP is SPF-checked and gets its 250 only once it is in the
 * maildrop as .eml (exact bytes after the fields we add) and .json; an SPF fail under rejectFail gets 550 5.7.23.
 */
class MailpipeMainIT {

    private static UnboundServer dns;

    @TempDir
    Path maildrop;
    private Main main;

    @BeforeAll
    static void startDns() throws Exception {
        dns = UnboundServer.start(List.of(
                "local-zone: \"client.example.\" static",
                "local-data: 'client.example. 300 IN TXT \"v=spf1 ip4:127.0.0.0/8 -all\"'",
                "local-zone: \"forged.example.\" static",
                "local-data: 'forged.example. 300 IN TXT \"v=spf1 ip4:192.0.2.1 -all\"'"), List.of());
    }

    @AfterAll
    static void stopDns() throws Exception {
        dns.close();
    }

    private int start(String spfPolicy) throws Exception {
        main = MailpipeMain.newMain(Path.of(""));
        main.addOverrideProperty("smtpd.port", "0");
        main.addOverrideProperty("mailpipe.maildrop.directory", maildrop.toString());
        main.addOverrideProperty("mailpipe.dns-servers", "127.0.0.1:" + dns.address().getPort());
        main.addOverrideProperty("spf.policy", spfPolicy);
        main.start();
        return ((SmtpdConsumer) main.getCamelContext().getRoute("inbound").getConsumer()).getLocalAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
    }

    @Test
    void theDefaultInboundRouteStoresEachAcceptedMessageWithItsEnvelope() throws Exception {
        int port = start("record");

        String message = "From: a@client.example\r\nTo: b@localhost\r\nSubject: stored\r\n\r\nbody line\r\n";
        String queued = converse(port, "a@client.example", message);

        assertTrue(queued.startsWith("250 2.0.0"), queued);
        String queueId = queued.substring(queued.lastIndexOf(' ') + 1).trim();
        String stored = Files.readString(maildrop.resolve(queueId + ".eml"), StandardCharsets.UTF_8);
        assertTrue(stored.startsWith("Authentication-Results: localhost; spf=pass smtp.mailfrom=client.example"),
                stored);
        assertTrue(stored.contains("\r\nReceived-SPF: pass"), stored);
        assertTrue(stored.substring(0, stored.indexOf("\r\nReceived-SPF")).replace("\r\n\t", " ").contains("; dkim=none"),
                stored);
        assertTrue(stored.contains("\r\nReceived: from client.example"), stored);
        assertTrue(stored.endsWith("\r\n" + message), stored);
        String envelope = Files.readString(maildrop.resolve(queueId + ".json"), StandardCharsets.UTF_8);
        assertTrue(envelope.contains("\"reversePath\" : \"a@client.example\""), envelope);
        assertTrue(envelope.contains("\"address\" : \"b@localhost\""), envelope);
        assertEquals(2, Files.list(maildrop).filter(p -> !p.getFileName().toString().startsWith(".")).count());
    }

    @Test
    void anSpfFailIsRefusedWhenThePolicySaysSoAndNothingIsStored() throws Exception {
        int port = start("rejectFail");

        String reply = converse(port, "ceo@forged.example", "Subject: forged\r\n\r\nbody\r\n");

        assertTrue(reply.startsWith("550 5.7.23"), reply);
        assertEquals(0, Files.list(maildrop).count());
    }

    /** One plain SMTP transaction; returns the reply to the end of DATA. */
    private static String converse(int port, String sender, String message) throws Exception {
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
            for (String command : new String[] {"MAIL FROM:<" + sender + ">", "RCPT TO:<b@localhost>", "DATA"}) {
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
