package io.mailpipe.smtp.server;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SIZE (RFC 1870): declared size refused at MAIL, actual overrun refused after DATA or BDAT without delivery. */
class MessageSizeTest {

    @Test
    void declaredSizeOverTheLimitIsRefusedAtMail() throws Exception {
        try (TestServer server = TestServer.start(b -> b.maxMessageSize(1000)); SmtpTestClient client = server.connect()) {
            assertTrue(client.hello().lines().contains("SIZE 1000"));
            SmtpTestClient.Reply refused = client.command("MAIL FROM:<a@example.com> SIZE=1001");
            assertEquals(552, refused.code());
            assertTrue(refused.last().startsWith("5.3.4"));
            assertEquals(250, client.command("MAIL FROM:<a@example.com> SIZE=1000").code());
        }
    }

    @Test
    void overrunInDataIsRefusedAfterTheEndOfData() throws Exception {
        try (TestServer server = TestServer.start(b -> b.maxMessageSize(1000)); SmtpTestClient client = server.connect()) {
            client.hello();
            String body = ("x".repeat(70) + "\r\n").repeat(30);
            SmtpTestClient.Reply refused = client.sendMessage("a@example.com", "b@example.org", body);
            assertEquals(552, refused.code());
            assertTrue(refused.last().startsWith("5.3.4"));
            assertEquals(250, client.command("NOOP").code(), "the session goes on");
            assertTrue(server.receiver.received().isEmpty());
        }
    }

    @Test
    void overrunInBdatIsRefusedAndNotDelivered() throws Exception {
        try (TestServer server = TestServer.start(b -> b.maxMessageSize(1000)); SmtpTestClient client = server.connect()) {
            client.hello();
            client.command("MAIL FROM:<a@example.com>");
            client.command("RCPT TO:<b@example.org>");
            client.send("BDAT 1500 LAST");
            client.sendRaw("y".repeat(1500).getBytes(StandardCharsets.US_ASCII));
            SmtpTestClient.Reply refused = client.reply();
            assertEquals(552, refused.code());
            assertEquals(250, client.command("NOOP").code());
            assertTrue(server.receiver.received().isEmpty());
        }
    }
}
