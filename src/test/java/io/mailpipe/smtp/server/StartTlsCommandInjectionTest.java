package io.mailpipe.smtp.server;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Regression test for STARTTLS command injection (CVE-2011-0411): commands sent in the same packet as STARTTLS,
 * before the handshake, must be discarded, never executed after TLS is up.
 */
class StartTlsCommandInjectionTest {

    @Test
    void plaintextPipelinedAfterStartTlsIsDiscarded() throws Exception {
        try (TestCertificates certificates = new TestCertificates();
             TestServer server = TestServer.start(b -> b.tlsCertificateFile(certificates.certificate)
                     .tlsKeyFile(certificates.key).localDomains(Set.of("example.org")));
             SmtpTestClient client = server.connect()) {
            client.hello();
            client.sendRaw("STARTTLS\r\nMAIL FROM:<attacker@evil.test>\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals(220, client.reply().code());
            client.startTls(certificates.clientContext());
            assertEquals(250, client.command("EHLO client.test").code());
            assertEquals(503, client.command("RCPT TO:<b@example.org>").code(),
                    "the injected MAIL must not have opened a transaction");
            assertEquals(250, client.command("MAIL FROM:<a@example.com>").code(),
                    "and no injected reply is waiting in the stream");
        }
    }
}
