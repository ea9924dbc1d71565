package io.mailpipe.smtp.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;
import javax.net.ssl.SSLSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** STARTTLS (RFC 3207), requireTls, and the implicit-TLS listener (RFC 8314). */
class StartTlsTest {

    private static TestCertificates certificates;

    @BeforeAll
    static void makeCertificate() throws Exception {
        certificates = new TestCertificates();
    }

    @AfterAll
    static void removeCertificate() throws Exception {
        certificates.close();
    }

    private static TestServer tlsServer(boolean requireTls) throws InterruptedException {
        return TestServer.start(b -> b.tlsCertificateFile(certificates.certificate).tlsKeyFile(certificates.key)
                .requireTls(requireTls).localDomains(Set.of("example.org")));
    }

    @Test
    void upgradesOnlyWithTls12Or13AndForgetsTheEarlierGreeting() throws Exception {
        try (TestServer server = tlsServer(false); SmtpTestClient client = server.connect()) {
            assertTrue(client.hello().lines().contains("STARTTLS"));
            SmtpTestClient.Reply ready = client.command("STARTTLS");
            assertEquals(220, ready.code());
            assertEquals("2.0.0 Ready to start TLS", ready.last());
            SSLSocket tls = client.startTls(certificates.clientContext());
            assertTrue(Set.of("TLSv1.3", "TLSv1.2").contains(tls.getSession().getProtocol()));
            assertEquals(503, client.command("MAIL FROM:<a@example.com>").code(), "EHLO needed again after TLS");
            SmtpTestClient.Reply ehlo = client.command("EHLO client.test");
            assertFalse(ehlo.lines().contains("STARTTLS"), "no STARTTLS once encrypted");
            assertEquals(503, client.command("STARTTLS").code());
            assertEquals(250, client.command("MAIL FROM:<a@example.com>").code());
            assertEquals(1, server.counters.tlsSessions());
        }
    }

    @Test
    void startTlsWithAnArgumentIsASyntaxError() throws Exception {
        try (TestServer server = tlsServer(false); SmtpTestClient client = server.connect()) {
            client.hello();
            assertEquals(501, client.command("STARTTLS now").code());
        }
    }

    @Test
    void transactionStartedBeforeTlsIsDiscarded() throws Exception {
        try (TestServer server = tlsServer(false); SmtpTestClient client = server.connect()) {
            client.hello();
            assertEquals(250, client.command("MAIL FROM:<a@example.com>").code());
            assertEquals(503, client.command("STARTTLS").code(), "not inside a transaction");
            assertEquals(250, client.command("RSET").code());
            assertEquals(220, client.command("STARTTLS").code());
            client.startTls(certificates.clientContext());
            client.command("EHLO client.test");
            assertEquals(503, client.command("RCPT TO:<b@example.org>").code());
        }
    }

    @Test
    void requireTlsRefusesMailUntilStartTls() throws Exception {
        try (TestServer server = tlsServer(true); SmtpTestClient client = server.connect()) {
            client.hello();
            SmtpTestClient.Reply refused = client.command("MAIL FROM:<a@example.com>");
            assertEquals(530, refused.code());
            assertTrue(refused.last().startsWith("5.7.0"));
            client.command("STARTTLS");
            client.startTls(certificates.clientContext());
            client.command("EHLO client.test");
            assertEquals(250, client.command("MAIL FROM:<a@example.com>").code());
        }
    }

    @Test
    void implicitTlsListenerGreetsOverTlsAndOffersNoStartTls() throws Exception {
        try (TestServer server = TestServer.start(b -> b.tlsCertificateFile(certificates.certificate)
                .tlsKeyFile(certificates.key).implicitTls(true));
             SmtpTestClient client = SmtpTestClient.connectTls(server.address(), certificates.clientContext())) {
            SmtpTestClient.Reply ehlo = client.hello();
            assertFalse(ehlo.lines().contains("STARTTLS"));
            assertEquals(250, client.sendMessage("a@example.com", "b@example.org", "Subject: t\r\n\r\n").code());
            io.mailpipe.smtp.SessionInfo session = server.receiver.next().message().session();
            assertEquals("ESMTPS", session.protocol());
            assertTrue(Set.of("TLSv1.3", "TLSv1.2").contains(session.tlsProtocol()));
            assertTrue(session.tlsCipher().startsWith("TLS_"));
        }
    }
}
