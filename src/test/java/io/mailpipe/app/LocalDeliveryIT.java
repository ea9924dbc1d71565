package io.mailpipe.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailpipe.dns.UnboundServer;
import io.mailpipe.smtp.MessageRejectedException;
import io.mailpipe.smtp.ReceivedMessage;
import io.mailpipe.smtp.SmtpReply;
import io.mailpipe.smtp.server.SmtpServer;
import io.mailpipe.smtp.server.SmtpServerConfig;
import io.mailpipe.testing.SmtpPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where accepted mail goes with the shipped configuration (routes/delivery.camel.yaml, routes/local-sink.camel.yaml):
 * recipients in the local domains end in the local sink directory as a complete .eml plus its envelope, every other
 * recipient of the same message goes by MX to the next hop, and each recipient gets exactly one outcome, also when
 * the remote one is deferred. The submission and relay listeners stay off by default.
 */
class LocalDeliveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static UnboundServer dns;
    private static ExecutorService workers;
    private static SmtpServer nextHop;
    private static final List<SmtpPeer.Delivered> received = new CopyOnWriteArrayList<>();

    @TempDir
    Path data;
    private ShippedPipeline mailpipe;

    @BeforeAll
    static void startPeers() throws Exception {
        dns = UnboundServer.startEmpty();
        workers = Executors.newFixedThreadPool(2);
        nextHop = new SmtpServer(SmtpServerConfig.builder().host("127.0.0.1").port(0).serverName("next-hop.test")
                .workerExecutor(workers).build(), LocalDeliveryIT::receive);
        nextHop.start();
    }

    /** The remote next hop: defers every message for later@remote.example, keeps the others. */
    private static CompletableFuture<Void> receive(ReceivedMessage message) {
        if (message.envelope().recipients().stream().anyMatch(r -> r.address().equals("later@remote.example"))) {
            return CompletableFuture.failedFuture(new MessageRejectedException(
                    SmtpReply.of(451, "4.2.0", "try again later")));
        }
        try (InputStream in = message.content().openStream()) {
            received.add(new SmtpPeer.Delivered(message, in.readAllBytes()));
            return CompletableFuture.completedFuture(null);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @AfterAll
    static void stopPeers() throws Exception {
        nextHop.stop();
        workers.shutdownNow();
        dns.close();
    }

    @AfterEach
    void stop() {
        if (mailpipe != null) {
            mailpipe.close();
        }
        received.clear();
    }

    private void start() throws Exception {
        mailpipe = ShippedPipeline.start(data, dns.hostAndPort(), Map.of(
                "smtpd.local-domains", "localhost,Local.Example",
                "mailpipe.mx.overrides", "remote.example=127.0.0.1:" + nextHop.localAddress().getPort()));
    }

    @Test
    void localRecipientsGoToTheSinkAndRemoteOnesToTheirMailExchanger() throws Exception {
        start();
        String body = "From: a@sender.test\r\nTo: many\r\nSubject: split\r\n\r\nfor everyone\r\n";

        String transcript = Swaks.send(mailpipe.port("inbound"), "--from", "a@sender.test",
                "--to", "postmaster@localhost,Bob@local.example,carol@remote.example", "--data", body);

        assertTrue(Swaks.queued(transcript), transcript);
        String events = mailpipe.awaitEvents("\"event\":\"delivered\"", 3);
        for (String recipient : List.of("postmaster@localhost", "Bob@local.example", "carol@remote.example")) {
            assertEquals(1, events.lines().filter(l -> l.contains("\"recipient\":\"" + recipient + "\"")).count(),
                    events);
        }
        SmtpPeer.Delivered remote = ShippedPipeline.awaitDelivery(received, "Subject: split");
        assertEquals(List.of("carol@remote.example"), remote.recipients());
        assertEquals(1, received.size());

        List<String> files = mailpipe.outboxFiles();
        assertEquals(2, files.size(), files.toString());
        String name = files.get(0).replace(".eml", "");
        assertEquals(List.of(name + ".eml", name + ".json"), files);
        JsonNode envelope = JSON.readTree(mailpipe.outbox().resolve(name + ".json").toFile());
        assertEquals("a@sender.test", envelope.path("mailFrom").asText());
        assertEquals(List.of("postmaster@localhost", "Bob@local.example"),
                envelope.path("recipients").findValuesAsText("address"));
        assertEquals(name + ".eml", envelope.path("message").asText());
        assertTrue(name.startsWith(envelope.path("queueId").asText() + "-"), name);
        String stored = Files.readString(mailpipe.outbox().resolve(name + ".eml"), StandardCharsets.UTF_8);
        assertTrue(stored.startsWith("Authentication-Results: localhost; spf=none"), stored);
        assertTrue(stored.contains("\r\nFrom: a@sender.test\r\nTo: many\r\nSubject: split\r\n\r\nfor everyone\r\n"),
                stored);
        assertTrue(remote.text().endsWith(stored), "the local copy differs from the remote one:\n" + remote.text());
    }

    @Test
    void aDeferredRemoteRecipientDoesNotDeliverTheLocalOneTwice() throws Exception {
        start();

        String transcript = Swaks.send(mailpipe.port("inbound"), "--from", "a@sender.test",
                "--to", "postmaster@localhost,later@remote.example", "--header", "Subject: half now");

        assertTrue(Swaks.queued(transcript), transcript);
        String events = mailpipe.awaitEvents("\"event\":\"deferred\"", 1);
        assertTrue(events.lines().anyMatch(l -> l.contains("\"event\":\"delivered\"")
                && l.contains("\"recipient\":\"postmaster@localhost\"")), events);
        assertTrue(events.lines().anyMatch(l -> l.contains("\"event\":\"deferred\"")
                && l.contains("\"recipient\":\"later@remote.example\"") && l.contains("\"code\":451")), events);
        assertEquals(2, events.lines().count(), events);
        assertEquals(2, mailpipe.outboxFiles().size(), mailpipe.outboxFiles().toString());
    }

    @Test
    void theSubmissionAndRelayListenersAreOffByDefault() throws Exception {
        start();

        assertTrue(mailpipe.isStarted("inbound"));
        assertFalse(mailpipe.isStarted("submission"));
        assertFalse(mailpipe.isStarted("submissions"));
        assertFalse(mailpipe.isStarted("relay"));
    }
}
