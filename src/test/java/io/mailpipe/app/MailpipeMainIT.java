package io.mailpipe.app;

import io.mailpipe.camel.smtpd.SmtpdConsumer;
import io.mailpipe.dns.UnboundServer;
import io.mailpipe.smtp.MessageRejectedException;
import io.mailpipe.smtp.ReceivedMessage;
import io.mailpipe.smtp.SmtpReply;
import io.mailpipe.smtp.server.SmtpServer;
import io.mailpipe.smtp.server.SmtpServerConfig;
import io.mailpipe.smtp.server.auth.PasswordFileAuthenticator;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application as the jar starts it: camel-main, application.properties and the shipped routes/ YAML, with DNS
 * from a real unbound on loopback and a real SMTP server as the next hop. A message sent over SMTP is SPF- and
 * DKIM-checked (and DKIM-signed when an authenticated user sent it), gets its 250 once it is in the spool, and is
 * delivered by mx: byte for byte after the fields we add; a 5xx from the next hop comes back as an RFC 3464 report;
 * an SPF fail under the rejectFail policy gets 550 5.7.23 and is neither queued nor delivered.
 */
class MailpipeMainIT {

    private static UnboundServer dns;
    private static ExecutorService sinkWorkers;
    private static SmtpServer nextHop;
    private static final BlockingQueue<String> delivered = new LinkedBlockingQueue<>();

    @TempDir
    Path data;
    private Main main;

    @BeforeAll
    static void startPeers() throws Exception {
        dns = UnboundServer.start(List.of(
                "local-zone: \"client.example.\" static",
                "local-data: 'client.example. 300 IN TXT \"v=spf1 ip4:127.0.0.0/8 -all\"'",
                "local-zone: \"forged.example.\" static",
                "local-data: 'forged.example. 300 IN TXT \"v=spf1 ip4:192.0.2.1 -all\"'"), List.of());
        sinkWorkers = Executors.newFixedThreadPool(2);
        nextHop = new SmtpServer(SmtpServerConfig.builder().host("127.0.0.1").port(0).serverName("next-hop.test")
                .workerExecutor(sinkWorkers).build(), MailpipeMainIT::record);
        nextHop.start();
    }

    /** The next hop: keeps what it accepts, and refuses for good any message for refuse-me@localhost. */
    private static CompletableFuture<Void> record(ReceivedMessage message) {
        try (InputStream in = message.content().openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (message.envelope().recipients().stream().anyMatch(r -> r.address().equals("refuse-me@localhost"))) {
                return CompletableFuture.failedFuture(new MessageRejectedException(
                        SmtpReply.of(550, "5.7.1", "refused by the next hop")));
            }
            delivered.add(text);
            return CompletableFuture.completedFuture(null);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
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
        delivered.clear();
    }

    private int start(String spfPolicy) throws Exception {
        return start(spfPolicy, "");
    }

    private int start(String spfPolicy, String dkimKeyTable) throws Exception {
        main = MailpipeMain.newMain(Path.of(""));
        main.addOverrideProperty("smtpd.port", "0");
        main.addOverrideProperty("mailpipe.management.port", "0");
        main.addOverrideProperty("mailpipe.spool.directory", data.resolve("spool").toString());
        main.addOverrideProperty("mailpipe.spool.segment-size", "1048576");
        main.addOverrideProperty("mailpipe.queue.event-log", data.resolve("events.log").toString());
        main.addOverrideProperty("mailpipe.dns-servers", "127.0.0.1:" + dns.address().getPort());
        String nextHopAddress = "127.0.0.1:" + nextHop.localAddress().getPort();
        // mail for the local domain localhost goes by MX delivery to the next hop here, not to the local sink
        main.addOverrideProperty("mailpipe.local-delivery.uri", "direct:deliver-mx");
        main.addOverrideProperty("mailpipe.mx.overrides",
                "localhost=" + nextHopAddress + ",client.example=" + nextHopAddress);
        main.addOverrideProperty("spf.policy", spfPolicy);
        main.addOverrideProperty("mailpipe.dkim.key-table", dkimKeyTable);
        Path passwords = data.resolve("passwords");
        Files.writeString(passwords, "alice:" + PasswordFileAuthenticator.hash("secret".toCharArray(), 1000) + "\n");
        main.addOverrideProperty("smtpd.password-file", passwords.toString());
        main.addOverrideProperty("smtpd.auth-allow-plaintext", "true");
        main.start();
        return ((SmtpdConsumer) main.getCamelContext().getRoute("inbound").getConsumer()).getLocalAddress().getPort();
    }

    @Test
    void anAcceptedMessageIsCheckedQueuedAndDeliveredByteForByte() throws Exception {
        int port = start("record");

        String message = "From: a@client.example\r\nTo: b@localhost\r\nSubject: stored\r\n\r\nbody line\r\n";
        String queued = converse(port, "a@client.example", "b@localhost", message);

        assertTrue(queued.startsWith("250 2.0.0"), queued);
        String queueId = queued.substring(queued.lastIndexOf(' ') + 1).trim();
        String arrived = delivered.poll(30, TimeUnit.SECONDS);
        assertNotNull(arrived, "the message was not delivered to the next hop");
        String ours = arrived.substring(arrived.indexOf("\r\nAuthentication-Results: ") + 2);
        assertTrue(ours.startsWith("Authentication-Results: localhost; spf=pass smtp.mailfrom=client.example"), ours);
        assertTrue(ours.substring(0, ours.indexOf("\r\nReceived-SPF")).replace("\r\n\t", " ").contains("; dkim=none"),
                ours);
        assertTrue(ours.contains("\r\nReceived-SPF: pass"), ours);
        assertTrue(ours.contains("\r\nReceived: from client.example"), ours);
        assertTrue(ours.endsWith("\r\n" + message), ours);
        String events = awaitEvent(data.resolve("events.log"), "\"event\":\"delivered\"");
        assertTrue(events.contains("\"queueId\":\"" + queueId + "\""), events);
    }

    @Test
    void mailOurUsersSubmitWithAuthIsDkimSignedOtherMailIsNot() throws Exception {
        Path seed = Path.of("src/test/resources/dkim/rfc8463-appendix-a/ed25519-private-seed.b64").toAbsolutePath();
        Path keyTable = data.resolve("keytable");
        Files.writeString(keyTable, "client.example brisbane " + seed + "\n");
        int port = start("record", keyTable.toString());
        String message = "From: a@client.example\r\nTo: b@localhost\r\nSubject: signed\r\n\r\nbody\r\n";

        assertTrue(converse(port, "a@client.example", "b@localhost", message, "alice", "secret").startsWith("250"));
        String signed = delivered.poll(30, TimeUnit.SECONDS);
        assertTrue(converse(port, "a@client.example", "b@localhost", message).startsWith("250"));
        String unsigned = delivered.poll(30, TimeUnit.SECONDS);

        assertNotNull(signed);
        String signature = signed.substring(signed.indexOf("\r\nDKIM-Signature: ") + 2).replace("\r\n\t", " ");
        assertTrue(signature.startsWith("DKIM-Signature: v=1; a=ed25519-sha256;"), signature);
        assertTrue(signature.contains(" d=client.example;") && signature.contains(" s=brisbane;"), signature);
        assertTrue(signed.endsWith("\r\n" + message), signed);
        assertNotNull(unsigned);
        assertTrue(!unsigned.contains("DKIM-Signature:"), unsigned);
    }

    @Test
    void aPermanentRefusalBouncesWithADeliveryStatusNotificationToTheSender() throws Exception {
        int port = start("record");

        String queued = converse(port, "a@client.example", "refuse-me@localhost", "Subject: refuse me\r\n\r\nbody\r\n");

        assertTrue(queued.startsWith("250 2.0.0"), queued);
        String bounce = delivered.poll(30, TimeUnit.SECONDS);
        assertNotNull(bounce, "no delivery status notification reached the sender");
        assertTrue(bounce.contains("multipart/report; report-type=delivery-status"), bounce);
        assertTrue(bounce.contains("Final-Recipient: rfc822; refuse-me@localhost"), bounce);
        assertTrue(bounce.contains("Action: failed"), bounce);
        assertTrue(bounce.contains("Status: 5.7.1"), bounce);
        assertTrue(bounce.contains("(host 127.0.0.1 said): 550 5.7.1 refused by the next hop"), bounce);
        assertTrue(bounce.contains("Subject: refuse me"), bounce);
        awaitEvent(data.resolve("events.log"), "\"event\":\"bounced\"");
    }

    @Test
    void anSpfFailIsRefusedWhenThePolicySaysSoAndNothingIsQueued() throws Exception {
        int port = start("rejectFail");

        String reply = converse(port, "ceo@forged.example", "b@localhost", "Subject: forged\r\n\r\nbody\r\n");

        assertTrue(reply.startsWith("550 5.7.23"), reply);
        assertNull(delivered.poll(2, TimeUnit.SECONDS), "a refused message was delivered");
        try (var queued = Files.list(data.resolve("spool/incoming"))) {
            assertEquals(0, queued.count());
        }
    }

    private static String awaitEvent(Path log, String needle) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String text = "";
        while (System.nanoTime() < deadline) {
            text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (text.contains(needle)) {
                return text;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + needle + " in the event log:\n" + text);
    }

    /** One plain SMTP transaction; returns the reply to the end of DATA. */
    private static String converse(int port, String sender, String recipient, String message) throws Exception {
        return converse(port, sender, recipient, message, null, null);
    }

    /** One plain SMTP transaction, with AUTH PLAIN first when a user is given; returns the reply to the data. */
    private static String converse(int port, String sender, String recipient, String message, String user,
                                   String password) throws Exception {
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
            if (user != null) {
                String credentials = java.util.Base64.getEncoder().encodeToString(
                        ("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
                out.write(("AUTH PLAIN " + credentials + "\r\n").getBytes(StandardCharsets.US_ASCII));
                expect(in, "235");
            }
            for (String command : new String[] {"MAIL FROM:<" + sender + ">", "RCPT TO:<" + recipient + ">", "DATA"}) {
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
