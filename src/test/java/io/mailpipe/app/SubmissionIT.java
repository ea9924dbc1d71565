package io.mailpipe.app;

import io.mailpipe.dns.UnboundServer;
import io.mailpipe.smtp.server.auth.PasswordFileAuthenticator;
import io.mailpipe.testing.SmtpPeer;
import io.mailpipe.testing.TestTls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped submission listeners (routes/submission.camel.yaml, RFC 6409 / RFC 8314) through the real routes:
 * STARTTLS then AUTH on the submission port and AUTH over implicit TLS on the submissions port both DKIM-sign the
 * message (checked by dkimpy) and queue it for delivery by mx: to a next hop; MAIL before STARTTLS, AUTH before
 * STARTTLS and MAIL before AUTH are refused; a wrong password gets nothing queued.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmissionIT {

    private static final Path KEYS = Path.of("src/test/resources/dkim/dkimpy-1.1.4").toAbsolutePath();

    @TempDir
    static Path data;
    private UnboundServer dns;
    private TestTls tls;
    private SmtpPeer nextHop;
    private ShippedPipeline mailpipe;

    @BeforeAll
    void start() throws Exception {
        dns = UnboundServer.startEmpty();
        tls = new TestTls("localhost");
        nextHop = SmtpPeer.start();
        Path passwords = Files.writeString(data.resolve("passwords"),
                "alice:" + PasswordFileAuthenticator.hash("secret".toCharArray(), 1000) + "\n");
        Path keyTable = Files.writeString(data.resolve("keytable"),
                "example.com sel2048 " + KEYS.resolve("2048_testkey_PKCS8.key") + "\n");
        mailpipe = ShippedPipeline.start(data, dns.hostAndPort(), Map.of(
                "mailpipe.submission.enabled", "true",
                "mailpipe.submission.tls-certificate-file", tls.certificate.toString(),
                "mailpipe.submission.tls-key-file", tls.key.toString(),
                "mailpipe.submission.password-file", passwords.toString(),
                "mailpipe.dkim.key-table", keyTable.toString(),
                "mailpipe.mx.overrides", "remote.example=127.0.0.1:" + nextHop.port()));
    }

    @AfterAll
    void stop() throws Exception {
        if (mailpipe != null) {
            mailpipe.close();
        }
        nextHop.close();
        tls.close();
        dns.close();
    }

    @Test
    void starttlsThenAuthIsSignedAndDelivered() throws Exception {
        String transcript = Swaks.send(mailpipe.port("submission"), "--tls", "--auth", "PLAIN",
                "--auth-user", "alice", "--auth-password", "secret", "--from", "alice@example.com",
                "--to", "bob@remote.example", "--header", "From: Alice <alice@example.com>",
                "--header", "Subject: over starttls");

        assertTrue(Swaks.queued(transcript), transcript);
        SmtpPeer.Delivered delivered = ShippedPipeline.awaitDelivery(nextHop.received, "Subject: over starttls");
        assertEquals(java.util.List.of("bob@remote.example"), delivered.recipients());
        assertTrue(delivered.text().contains("DKIM-Signature: "), delivered.text());
        assertTrue(Dkimpy.verifies(delivered.content(), "sel2048._domainkey.example.com",
                KEYS.resolve("2048_testkey_PKCS8.key.pub.txt"), data), delivered.text());
        assertFalse(delivered.text().contains("Received-SPF:"), "submission runs no SPF check");
    }

    @Test
    void implicitTlsWithAuthIsSignedAndDelivered() throws Exception {
        String transcript = Swaks.send(mailpipe.port("submissions"), "--tls-on-connect", "--auth", "LOGIN",
                "--auth-user", "alice", "--auth-password", "secret", "--from", "alice@example.com",
                "--to", "carol@remote.example", "--header", "From: alice@example.com",
                "--header", "Subject: over implicit tls");

        assertTrue(Swaks.queued(transcript), transcript);
        SmtpPeer.Delivered delivered = ShippedPipeline.awaitDelivery(nextHop.received, "Subject: over implicit tls");
        assertTrue(Dkimpy.verifies(delivered.content(), "sel2048._domainkey.example.com",
                KEYS.resolve("2048_testkey_PKCS8.key.pub.txt"), data), delivered.text());
    }

    @Test
    void mailAndAuthBeforeStarttlsAreRefused() throws Exception {
        try (SmtpDialogue smtp = SmtpDialogue.connect(mailpipe.port("submission"), null)) {
            String ehlo = smtp.send("EHLO client.test");
            assertTrue(ehlo.contains("STARTTLS"), ehlo);
            assertFalse(ehlo.contains("AUTH"), "AUTH is offered before STARTTLS: " + ehlo);

            assertTrue(smtp.send("MAIL FROM:<alice@example.com>").startsWith("530 5.7.0"));
            assertTrue(smtp.send("AUTH PLAIN " + plain("alice", "secret")).startsWith("538 5.7.11"));
        }
    }

    @Test
    void mailBeforeAuthIsRefusedAfterStarttls() throws Exception {
        try (SmtpDialogue smtp = SmtpDialogue.connect(mailpipe.port("submission"), null)) {
            smtp.send("EHLO client.test");
            assertTrue(smtp.startTls(tls).startsWith("220"));
            String ehlo = smtp.send("EHLO client.test");
            assertTrue(ehlo.contains("AUTH"), ehlo);

            String mail = smtp.send("MAIL FROM:<alice@example.com>");

            assertTrue(mail.startsWith("530 5.7.0"), mail);
        }
    }

    @Test
    void implicitTlsRefusesMailBeforeAuthAndAWrongPassword() throws Exception {
        try (SmtpDialogue smtp = SmtpDialogue.connectImplicitTls(mailpipe.port("submissions"), tls)) {
            assertTrue(smtp.greeting().startsWith("220"), smtp.greeting());
            smtp.send("EHLO client.test");

            assertTrue(smtp.send("MAIL FROM:<alice@example.com>").startsWith("530 5.7.0"));
            assertTrue(smtp.send("AUTH PLAIN " + plain("alice", "wrong")).startsWith("535 5.7.8"));
            assertTrue(smtp.send("MAIL FROM:<alice@example.com>").startsWith("530 5.7.0"));
        }
    }

    private static String plain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes());
    }
}
