package io.mailpipe.smtp.client;

import io.mailpipe.smtp.SmtpReply;
import io.mailpipe.testing.ScriptedPeer;
import io.mailpipe.testing.SmtpPeer;
import io.mailpipe.testing.TestTls;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.mailpipe.smtp.client.ClientFixtures.message;
import static io.mailpipe.smtp.client.ClientFixtures.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * STARTTLS in each policy mode (RFC 3207, RFC 7435) against the project's server engine with a generated
 * certificate for "mx.test", a failing handshake against a scripted server, and AUTH over TLS (RFC 4954).
 */
class ClientTlsTest {

    private static TestTls tls;
    private static SmtpPeer tlsPeer;
    private static SmtpPeer plainPeer;
    private SmtpClient client;

    @BeforeAll
    static void startPeers() throws Exception {
        tls = new TestTls("mx.test");
        tlsPeer = new SmtpPeer("127.0.0.1", b -> b.tlsCertificateFile(tls.certificate).tlsKeyFile(tls.key)
                .startTls(true).authenticator((user, password) -> CompletableFuture.completedFuture(
                        user.equals("relay-user") && new String(password).equals("s3cret"))));
        plainPeer = SmtpPeer.start();
    }

    @AfterAll
    static void stopPeers() throws Exception {
        tlsPeer.close();
        plainPeer.close();
        tls.close();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private TransactionResult deliver(Destination destination) throws Exception {
        return send(client, destination, message("secret text", "a@y.test"));
    }

    private SmtpClient client(boolean trustPeer) throws Exception {
        SmtpClientConfig.Builder config = ClientFixtures.quickConfig();
        if (trustPeer) {
            config.trustManagers(tls.trustManagers());
        }
        client = new SmtpClient(config.build());
        return client;
    }

    private static Destination to(SmtpPeer peer, String name, TlsPolicy policy) {
        return Destination.of(name, peer.address(), policy);
    }

    @Test
    void policyNoneStaysInPlainTextEvenWhenTlsIsOffered() throws Exception {
        client(false);
        TransactionResult result = deliver(to(tlsPeer, "mx.test", TlsPolicy.NONE));
        assertEquals(List.of(250), ClientFixtures.codes(result));
        assertNull(result.tlsProtocol());
    }

    @Test
    void opportunisticUsesTlsWithoutCheckingTheCertificate() throws Exception {
        client(false);
        TransactionResult result = deliver(to(tlsPeer, "any.name.test", TlsPolicy.OPPORTUNISTIC));
        assertEquals(List.of(250), ClientFixtures.codes(result));
        assertTrue(List.of("TLSv1.3", "TLSv1.2").contains(result.tlsProtocol()), result.tlsProtocol());
    }

    @Test
    void opportunisticFallsBackToPlainTextWhenTlsIsNotOffered() throws Exception {
        client(false);
        TransactionResult result = deliver(to(plainPeer, "mx.test", TlsPolicy.OPPORTUNISTIC));
        assertEquals(List.of(250), ClientFixtures.codes(result));
        assertNull(result.tlsProtocol());
    }

    @Test
    void requiredFailsWhenTlsIsNotOffered() throws Exception {
        client(false);
        TransactionResult result = deliver(to(plainPeer, "mx.test", TlsPolicy.REQUIRED));
        SmtpReply reply = result.replies().get("a@y.test");
        assertEquals("4.7.4", reply.enhancedStatus());
        assertTrue(result.tryNextHost());
    }

    @Test
    void requiredWithVerificationAcceptsATrustedCertificateForTheHostName() throws Exception {
        client(true);
        TransactionResult result = deliver(to(tlsPeer, "mx.test", TlsPolicy.REQUIRED_VERIFY));
        assertEquals(List.of(250), ClientFixtures.codes(result));
        assertTrue(result.tlsProtocol().startsWith("TLSv1."));
    }

    @Test
    void requiredWithVerificationRejectsAnotherHostName() throws Exception {
        client(true);
        SmtpReply reply = deliver(to(tlsPeer, "other.test", TlsPolicy.REQUIRED_VERIFY)).replies().get("a@y.test");
        assertEquals("4.7.5", reply.enhancedStatus());
        assertTrue(reply.lines().get(0).contains("TLS"), reply.toString());
    }

    @Test
    void requiredWithVerificationRejectsAnUntrustedCertificate() throws Exception {
        client(false);
        SmtpReply reply = deliver(to(tlsPeer, "mx.test", TlsPolicy.REQUIRED_VERIFY)).replies().get("a@y.test");
        assertEquals("4.7.5", reply.enhancedStatus());
    }

    @Test
    void brokenHandshakeFailsRequiredAndFallsBackToPlainTextWhenOpportunistic() throws Exception {
        client(false);
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            c.greetAndEhlo("STARTTLS");
            String next = c.read();
            if ("STARTTLS".equals(next)) {
                c.send("220 go ahead\r\nthis is not a TLS record at all\r\n");
                c.close();
                return;
            }
            c.send("250 ok\r\n");
            c.read();
            c.send("250 ok\r\n");
            c.read();
            c.send("354 go\r\n");
            c.readUntil(".");
            c.send("250 plain\r\n");
            c.read();
        })) {
            InetSocketAddress address = peer.address();
            SmtpReply required = deliver(Destination.of("mx.test", address, TlsPolicy.REQUIRED))
                    .replies().get("a@y.test");
            assertEquals("4.7.5", required.enhancedStatus());
            SmtpReply opportunistic = deliver(Destination.of("mx.test", address, TlsPolicy.OPPORTUNISTIC))
                    .replies().get("a@y.test");
            assertEquals(List.of("plain"), opportunistic.lines());
        }
    }

    @Test
    void authenticatesOverTlsAndTheServerSeesTheUser() throws Exception {
        client(false);
        int before = tlsPeer.received.size();
        Destination relay = new Destination("mx.test", tlsPeer.address(), TlsPolicy.REQUIRED,
                new Destination.Credentials("relay-user", "s3cret"));
        assertEquals(List.of(250), ClientFixtures.codes(deliver(relay)));
        assertEquals("relay-user", tlsPeer.received.get(before).message().session().authenticatedUser());
    }

    @Test
    void wrongPasswordEndsWithTheServersAuthReply() throws Exception {
        client(false);
        Destination relay = new Destination("mx.test", tlsPeer.address(), TlsPolicy.REQUIRED,
                new Destination.Credentials("relay-user", "wrong"));
        SmtpReply reply = deliver(relay).replies().get("a@y.test");
        assertEquals(535, reply.code());
    }
}
