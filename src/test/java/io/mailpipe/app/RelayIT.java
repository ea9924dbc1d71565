package io.mailpipe.app;

import io.mailpipe.dns.UnboundServer;
import io.mailpipe.testing.SmtpPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped relay listener (routes/relay.camel.yaml) through the real routes: a client in the trusted network
 * (127.0.0.1/32) relays without AUTH; its message is DKIM-signed when the From domain has a key (checked by dkimpy),
 * passes unsigned otherwise, skips SPF, and is delivered by mx:. A client outside it (127.0.0.2) cannot relay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayIT {

    private static final Path KEYS = Path.of("src/test/resources/dkim/dkimpy-1.1.4").toAbsolutePath();

    @TempDir
    static Path data;
    private UnboundServer dns;
    private SmtpPeer nextHop;
    private ShippedPipeline mailpipe;

    @BeforeAll
    void start() throws Exception {
        dns = UnboundServer.startEmpty();
        nextHop = SmtpPeer.start();
        Path keyTable = Files.writeString(data.resolve("keytable"),
                "app.example sel2048 " + KEYS.resolve("2048_testkey_PKCS8.key") + "\n");
        mailpipe = ShippedPipeline.start(data, dns.hostAndPort(), Map.of(
                "mailpipe.relay.enabled", "true",
                "mailpipe.relay.trusted-networks", "127.0.0.1/32",
                "mailpipe.dkim.key-table", keyTable.toString(),
                "mailpipe.mx.overrides", "remote.example=127.0.0.1:" + nextHop.port()));
    }

    @AfterAll
    void stop() throws Exception {
        if (mailpipe != null) {
            mailpipe.close();
        }
        nextHop.close();
        dns.close();
    }

    @Test
    void mailFromATrustedApplicationIsSignedAndDelivered() throws Exception {
        String transcript = Swaks.send(mailpipe.port("relay"), "--from", "noreply@app.example",
                "--to", "user@remote.example", "--header", "From: Shop <noreply@app.example>",
                "--header", "Subject: your order");

        assertTrue(Swaks.queued(transcript), transcript);
        SmtpPeer.Delivered delivered = ShippedPipeline.awaitDelivery(nextHop.received, "Subject: your order");
        assertEquals(List.of("user@remote.example"), delivered.recipients());
        assertTrue(Dkimpy.verifies(delivered.content(), "sel2048._domainkey.app.example",
                KEYS.resolve("2048_testkey_PKCS8.key.pub.txt"), data), delivered.text());
        assertFalse(delivered.text().contains("Received-SPF:"), "the relay runs no SPF check");
    }

    @Test
    void mailWhoseFromDomainHasNoKeyIsDeliveredUnsigned() throws Exception {
        String transcript = Swaks.send(mailpipe.port("relay"), "--from", "cron@other.example",
                "--to", "admin@remote.example", "--header", "From: cron@other.example",
                "--header", "Subject: nightly report");

        assertTrue(Swaks.queued(transcript), transcript);
        SmtpPeer.Delivered delivered = ShippedPipeline.awaitDelivery(nextHop.received, "Subject: nightly report");
        assertFalse(delivered.text().contains("DKIM-Signature:"), delivered.text());
        assertFalse(Dkimpy.verifies(delivered.content(), "sel2048._domainkey.app.example",
                KEYS.resolve("2048_testkey_PKCS8.key.pub.txt"), data));
    }

    @Test
    void aClientOutsideTheTrustedNetworksCannotRelay() throws Exception {
        try (SmtpDialogue smtp = SmtpDialogue.connect(mailpipe.port("relay"), InetAddress.getByName("127.0.0.2"))) {
            smtp.send("EHLO stranger.test");
            assertTrue(smtp.send("MAIL FROM:<noreply@app.example>").startsWith("250"));

            String rcpt = smtp.send("RCPT TO:<user@remote.example>");

            assertTrue(rcpt.startsWith("554 5.7.1"), rcpt);
            assertTrue(smtp.send("DATA").startsWith("5"), "DATA without an accepted recipient");
        }
    }
}
