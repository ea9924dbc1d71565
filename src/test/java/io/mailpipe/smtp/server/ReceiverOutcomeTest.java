package io.mailpipe.smtp.server;

import io.mailpipe.smtp.SmtpReply;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The end-of-data reply follows the receiver (DESIGN §5): 250 with queue id, its rejection, or 451 4.3.0. */
class ReceiverOutcomeTest {

    @Test
    void successAnswers250WithTheQueueIdAndDeliversReceivedPlusExactBytes() throws Exception {
        try (TestServer server = TestServer.start(); SmtpTestClient client = server.connect()) {
            client.hello();
            String sent = "Subject: t\r\n\r\n..leading dot\r\nline two\r\n";
            SmtpTestClient.Reply ok = client.sendMessage("a@example.com", "b@example.org", sent);
            assertEquals(250, ok.code());
            RecordingReceiver.Received received = server.receiver.next();
            String queueId = received.message().queueId();
            assertTrue(ok.last().startsWith("2.0.0") && ok.last().endsWith(queueId));
            String content = received.text();
            assertTrue(content.startsWith("Received: from client.test"), content);
            assertTrue(content.contains(queueId));
            int headerEnd = content.indexOf("\r\nSubject: t\r\n");
            assertEquals("Subject: t\r\n\r\n.leading dot\r\nline two\r\n", content.substring(headerEnd + 2));
            assertEquals("client.test", received.message().session().heloName());
            assertEquals("ESMTP", received.message().session().protocol());
            assertEquals(1, server.counters.messagesAccepted());
        }
    }

    @Test
    void receiverExceptionIsATransientFailure() throws Exception {
        RecordingReceiver receiver = RecordingReceiver.accepting().failingWith(new IllegalStateException("disk"));
        try (TestServer server = TestServer.start(receiver, b -> b); SmtpTestClient client = server.connect()) {
            client.hello();
            SmtpTestClient.Reply failed = client.sendMessage("a@example.com", "b@example.org", "x\r\n");
            assertEquals(451, failed.code());
            assertTrue(failed.last().startsWith("4.3.0"));
            assertEquals(1, server.counters.messagesRejectedTransient());
        }
    }

    @Test
    void rejectionSendsItsOwnReply() throws Exception {
        SmtpReply spfFail = SmtpReply.of(550, "5.7.23", "SPF validation failed");
        RecordingReceiver receiver = RecordingReceiver.accepting().rejectingWith(spfFail);
        try (TestServer server = TestServer.start(receiver, b -> b); SmtpTestClient client = server.connect()) {
            client.hello();
            SmtpTestClient.Reply rejected = client.sendMessage("a@example.com", "b@example.org", "x\r\n");
            assertEquals(550, rejected.code());
            assertEquals("5.7.23 SPF validation failed", rejected.last());
            assertEquals(250, client.command("NOOP").code());
        }
    }

    @Test
    void largeMessagesSpillAndArriveIntact() throws Exception {
        try (TestServer server = TestServer.start(b -> b.memoryThreshold(4096)); SmtpTestClient client = server.connect()) {
            client.hello();
            StringBuilder body = new StringBuilder("Subject: big\r\n\r\n");
            for (int i = 0; i < 5000; i++) {
                body.append("line ").append(i).append(" of a message that does not fit in memory\r\n");
            }
            assertEquals(250, client.sendMessage("a@example.com", "b@example.org", body.toString()).code());
            RecordingReceiver.Received received = server.receiver.next();
            assertFalse(received.inMemory(), "over the memory threshold the content lives in a file");
            assertTrue(received.text().endsWith("\r\n" + body));
            assertEquals(received.content().length, received.message().content().size());
        }
    }

    @Test
    void bareLineFeedInDataIsRefusedWithoutCallingTheReceiver() throws Exception {
        try (TestServer server = TestServer.start(); SmtpTestClient client = server.connect()) {
            client.hello();
            SmtpTestClient.Reply refused = client.sendMessage("a@example.com", "b@example.org", "a\nb\r\n");
            assertEquals(554, refused.code());
            assertTrue(refused.last().startsWith("5.6.0"));
            assertEquals(250, client.sendMessage("a@example.com", "b@example.org", "ok\r\n").code());
            String delivered = server.receiver.next().text();
            assertTrue(delivered.startsWith("Received: ") && delivered.endsWith("\r\nok\r\n"), delivered);
            assertEquals(1, server.receiver.received().size());
        }
    }
}
