package io.mailpipe.smtp.server;

import io.mailpipe.smtp.server.auth.Authenticator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AUTH PLAIN and LOGIN (RFC 4954, RFC 4616) over STARTTLS, failure handling and the plaintext rule. */
class AuthTest {

    private static final Authenticator ALICE = (user, password) -> CompletableFuture.completedFuture(
            "alice".equals(user) && "secret".equals(new String(password)));
    private static TestCertificates certificates;

    @BeforeAll
    static void makeCertificate() throws Exception {
        certificates = new TestCertificates();
    }

    @AfterAll
    static void removeCertificate() throws Exception {
        certificates.close();
    }

    private static TestServer server(Duration failureDelay) throws InterruptedException {
        return TestServer.start(b -> b.tlsCertificateFile(certificates.certificate).tlsKeyFile(certificates.key)
                .authenticator(ALICE).authFailureDelay(failureDelay).trustedNetworks(java.util.List.of()));
    }

    private static SmtpTestClient.Reply secure(SmtpTestClient client) throws Exception {
        client.hello();
        client.command("STARTTLS");
        client.startTls(certificates.clientContext());
        return client.command("EHLO client.test");
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void authIsNotOfferedNorAcceptedBeforeTls() throws Exception {
        try (TestServer server = server(Duration.ZERO); SmtpTestClient client = server.connect()) {
            assertFalse(client.hello().text().contains("AUTH"));
            assertEquals(538, client.command("AUTH PLAIN " + b64("\0alice\0secret")).code());
        }
    }

    @Test
    void plainWithInitialResponseAuthenticatesAndAllowsRelay() throws Exception {
        try (TestServer server = server(Duration.ZERO); SmtpTestClient client = server.connect()) {
            assertTrue(secure(client).lines().contains("AUTH PLAIN LOGIN"));
            assertEquals(554, relayAttempt(client), "no relay before AUTH");
            SmtpTestClient.Reply ok = client.command("AUTH PLAIN " + b64("\0alice\0secret"));
            assertEquals(235, ok.code());
            assertTrue(ok.last().startsWith("2.7.0"));
            assertEquals(503, client.command("AUTH PLAIN " + b64("\0alice\0secret")).code());
            assertEquals(250, relayAttempt(client));
            assertEquals(1, server.counters.authSuccesses());
        }
    }

    private static int relayAttempt(SmtpTestClient client) throws Exception {
        client.command("RSET");
        client.command("MAIL FROM:<alice@example.com>");
        int code = client.command("RCPT TO:<bob@elsewhere.test>").code();
        client.command("RSET");
        return code;
    }

    @Test
    void plainAfterEmptyChallengeAndLoginBothWork() throws Exception {
        try (TestServer server = server(Duration.ZERO); SmtpTestClient client = server.connect();
             SmtpTestClient second = server.connect()) {
            secure(client);
            SmtpTestClient.Reply challenge = client.command("AUTH PLAIN");
            assertEquals(334, challenge.code());
            assertEquals("", challenge.last());
            assertEquals(235, client.command(b64("alice\0alice\0secret")).code());

            secure(second);
            assertEquals(b64("Username:"), second.command("AUTH LOGIN").last());
            assertEquals(b64("Password:"), second.command(b64("alice")).last());
            assertEquals(235, second.command(b64("secret")).code());
        }
    }

    @Test
    void cancelBadBase64ForeignAuthzidAndInTransaction() throws Exception {
        try (TestServer server = server(Duration.ZERO); SmtpTestClient client = server.connect()) {
            secure(client);
            client.command("AUTH LOGIN");
            SmtpTestClient.Reply cancelled = client.command("*");
            assertEquals(501, cancelled.code());
            assertTrue(cancelled.last().startsWith("5.7.0"));
            client.command("AUTH PLAIN");
            SmtpTestClient.Reply bad = client.command("!!!not-base64");
            assertEquals(501, bad.code());
            assertTrue(bad.last().startsWith("5.5.2"));
            assertEquals(535, client.command("AUTH PLAIN " + b64("bob\0alice\0secret")).code());
            client.command("MAIL FROM:<a@example.com>");
            assertEquals(503, client.command("AUTH PLAIN " + b64("\0alice\0secret")).code());
        }
    }

    @Test
    void failuresAreDelayedAndTheLimitDisconnects() throws Exception {
        try (TestServer server = server(Duration.ofMillis(200)); SmtpTestClient client = server.connect()) {
            secure(client);
            client.send("AUTH PLAIN " + b64("\0alice\0wrong"));
            client.send("NOOP");
            SmtpTestClient.Reply failed = client.reply();
            assertEquals(535, failed.code());
            assertTrue(failed.last().startsWith("5.7.8"));
            assertEquals(250, client.reply().code(), "the pipelined NOOP is answered after the delayed 535");
            assertEquals(535, client.command("AUTH PLAIN " + b64("\0alice\0wrong")).code());
            assertEquals(535, client.command("AUTH PLAIN " + b64("\0mallory\0x")).code());
            assertEquals(421, client.reply().code());
            assertTrue(client.closedByServer());
            assertEquals(3, server.counters.authFailures());
        }
    }

    @Test
    void authenticatorFailureIsTemporary() throws Exception {
        Authenticator broken = (user, password) -> CompletableFuture.failedFuture(new IllegalStateException("down"));
        try (TestServer server = TestServer.start(b -> b.authenticator(broken).authAllowPlaintext(true));
             SmtpTestClient client = server.connect()) {
            assertTrue(client.hello().lines().contains("AUTH PLAIN LOGIN"), "plaintext AUTH when allowed");
            assertEquals(454, client.command("AUTH PLAIN " + b64("\0alice\0secret")).code());
        }
    }

    @Test
    void requireAuthRefusesMailUntilAuthenticated() throws Exception {
        try (TestServer server = TestServer.start(b -> b.authenticator(ALICE).authAllowPlaintext(true)
                .requireAuth(true));
             SmtpTestClient client = server.connect()) {
            client.hello();
            SmtpTestClient.Reply refused = client.command("MAIL FROM:<alice@example.com>");
            assertEquals(530, refused.code());
            assertTrue(refused.last().startsWith("5.7.0"));
            assertEquals(235, client.command("AUTH PLAIN " + b64("\0alice\0secret")).code());
            assertEquals(250, client.command("MAIL FROM:<alice@example.com>").code());
        }
    }
}
