package io.mailpipe.smtp.server;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-session limits: recipients, errors and the command and data timeouts (RFC 5321 §4.5.3). */
class SessionLimitsTest {

    @Test
    void theRecipientOverTheLimitGets452() throws Exception {
        try (TestServer server = TestServer.start(b -> b.maxRecipients(2)); SmtpTestClient client = server.connect()) {
            client.hello();
            client.command("MAIL FROM:<a@example.com>");
            assertEquals(250, client.command("RCPT TO:<r1@example.org>").code());
            assertEquals(250, client.command("RCPT TO:<r2@example.org>").code());
            SmtpTestClient.Reply over = client.command("RCPT TO:<r3@example.org>");
            assertEquals(452, over.code());
            assertTrue(over.last().startsWith("4.5.3"));
        }
    }

    @Test
    void tooManyErrorsCloseTheSession() throws Exception {
        try (TestServer server = TestServer.start(b -> b.maxErrors(3)); SmtpTestClient client = server.connect()) {
            client.hello();
            assertEquals(500, client.command("FROB").code());
            assertEquals(500, client.command("FROB").code());
            assertEquals(500, client.command("FROB").code());
            SmtpTestClient.Reply closing = client.reply();
            assertEquals(421, closing.code());
            assertTrue(closing.last().startsWith("4.7.0"));
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void silentClientTimesOutBetweenCommands() throws Exception {
        try (TestServer server = TestServer.start(b -> b.commandTimeout(Duration.ofMillis(300)));
             SmtpTestClient client = server.connect()) {
            client.hello();
            SmtpTestClient.Reply timeout = client.reply();
            assertEquals(421, timeout.code());
            assertTrue(timeout.last().startsWith("4.4.2"));
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void silentClientTimesOutInsideData() throws Exception {
        try (TestServer server = TestServer.start(b -> b.dataTimeout(Duration.ofMillis(300)));
             SmtpTestClient client = server.connect()) {
            client.hello();
            client.command("MAIL FROM:<a@example.com>");
            client.command("RCPT TO:<b@example.org>");
            assertEquals(354, client.command("DATA").code());
            client.send("Subject: half a message");
            SmtpTestClient.Reply timeout = client.reply();
            assertEquals(421, timeout.code());
            assertTrue(timeout.last().startsWith("4.4.2"));
            assertTrue(server.receiver.received().isEmpty());
        }
    }

    @Test
    void overlongDataLineRejectsTheMessage() throws Exception {
        try (TestServer server = TestServer.start(b -> b.maxDataLineLength(1000)); SmtpTestClient client = server.connect()) {
            client.hello();
            SmtpTestClient.Reply refused = client.sendMessage("a@example.com", "b@example.org",
                    "Subject: l\r\n\r\n" + "z".repeat(1200) + "\r\n");
            assertEquals(554, refused.code());
            assertTrue(refused.last().startsWith("5.6.0"));
            assertTrue(server.receiver.received().isEmpty());
        }
    }
}
