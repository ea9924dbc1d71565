package io.mailpipe.smtp.server;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CHUNKING and BINARYMIME (RFC 3030): BDAT chunks, BDAT 0 LAST, mixing rules. */
class ChunkingTest {

    private static void envelope(SmtpTestClient client, String mailParameters) throws Exception {
        client.hello();
        assertEquals(250, client.command("MAIL FROM:<a@example.com>" + mailParameters).code());
        assertEquals(250, client.command("RCPT TO:<b@example.org>").code());
    }

    @Test
    void chunksAreJoinedByteForByteAndLastIsAnsweredAfterTheReceiver() throws Exception {
        try (TestServer server = TestServer.start(); SmtpTestClient client = server.connect()) {
            envelope(client, " BODY=BINARYMIME");
            client.sendRaw("BDAT 12\r\nSubject: x\r\n".getBytes(StandardCharsets.US_ASCII));
            SmtpTestClient.Reply first = client.reply();
            assertEquals(250, first.code());
            assertEquals("2.0.0 12 octets received", first.last());
            client.sendRaw("BDAT 10\r\n\r\n.a\0\rb\n\r\nBDAT 0 LAST\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(250, client.reply().code());
            SmtpTestClient.Reply done = client.reply();
            assertEquals(250, done.code());
            RecordingReceiver.Received message = server.receiver.next();
            assertTrue(done.last().contains(message.message().queueId()));
            assertTrue(message.text().endsWith("Subject: x\r\n\r\n.a\0\rb\n\r\n"), "raw, nothing unstuffed");
        }
    }

    @Test
    void dataAfterBdatAndBinaryMimeWithDataAreBadSequences() throws Exception {
        try (TestServer server = TestServer.start(); SmtpTestClient client = server.connect()) {
            envelope(client, "");
            client.sendRaw("BDAT 3\r\nabc".getBytes(StandardCharsets.US_ASCII));
            assertEquals(250, client.reply().code());
            assertEquals(503, client.command("DATA").code());
            assertEquals(250, client.command("RSET").code());
            client.command("MAIL FROM:<a@example.com> BODY=BINARYMIME");
            client.command("RCPT TO:<b@example.org>");
            assertEquals(503, client.command("DATA").code());
        }
    }

    @Test
    void bdatOutsideATransactionIsReadAndRefused() throws Exception {
        try (TestServer server = TestServer.start(); SmtpTestClient client = server.connect()) {
            client.hello();
            client.sendRaw("BDAT 6 LAST\r\nNOOP\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals(503, client.reply().code());
            assertEquals(250, client.command("NOOP").code(), "the chunk was consumed, not run as a command");
            assertTrue(server.receiver.received().isEmpty());
        }
    }
}
