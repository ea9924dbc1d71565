package io.mailpipe.smtp.server;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** RFC 2920: a command group sent in one write is answered in order, then the message and QUIT. */
class PipeliningTest {

    @Test
    void groupInOneWriteGetsItsRepliesInOrder() throws Exception {
        try (TestServer server = TestServer.start(b -> b.maxRecipients(2)); SmtpTestClient client = server.connect()) {
            client.hello();
            client.sendRaw(("MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.org>\r\nRCPT TO:<c@example.org>\r\n"
                    + "RCPT TO:<d@example.org>\r\nDATA\r\n").getBytes(StandardCharsets.US_ASCII));
            assertEquals(250, client.reply().code());
            assertEquals(250, client.reply().code());
            assertEquals(250, client.reply().code());
            assertEquals(452, client.reply().code());
            assertEquals(354, client.reply().code());
            client.sendRaw("Subject: p\r\n\r\nbody\r\n.\r\nQUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals(250, client.reply().code());
            assertEquals(221, client.reply().code());
            assertEquals(2, server.receiver.next().message().envelope().recipients().size());
        }
    }
}
