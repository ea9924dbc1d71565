package io.mailpipe.smtp.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 5321 §4.1.4 command order and the reply codes of each verb, against a real server. */
class SessionStateMachineTest {

    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(b -> b.localDomains(java.util.Set.of("example.org")));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void greetsAndAdvertisesExactlyTheImplementedExtensions() throws Exception {
        try (SmtpTestClient client = server.connect()) {
            SmtpTestClient.Reply greeting = client.reply();
            assertEquals(220, greeting.code());
            assertTrue(greeting.last().startsWith("mx.test "));
            SmtpTestClient.Reply ehlo = client.command("EHLO client.test");
            assertEquals(250, ehlo.code());
            assertEquals(java.util.List.of("mx.test", "SIZE 52428800", "PIPELINING", "8BITMIME", "SMTPUTF8",
                    "ENHANCEDSTATUSCODES", "CHUNKING", "BINARYMIME", "DSN"), ehlo.lines());
        }
    }

    @Test
    void mailBeforeHeloIsABadSequence() throws Exception {
        try (SmtpTestClient client = server.connect()) {
            client.reply();
            SmtpTestClient.Reply reply = client.command("MAIL FROM:<a@example.com>");
            assertEquals(503, reply.code());
            assertTrue(reply.last().startsWith("5.5.1"));
        }
    }

    @Test
    void rcptBeforeMailAndDataBeforeRcptAreBadSequences() throws Exception {
        try (SmtpTestClient client = server.connect()) {
            client.hello();
            assertEquals(503, client.command("RCPT TO:<b@example.org>").code());
            assertEquals(250, client.command("MAIL FROM:<a@example.com>").code());
            assertEquals(503, client.command("DATA").code());
            assertEquals(503, client.command("MAIL FROM:<a@example.com>").code(), "nested MAIL");
        }
    }

    @Test
    void heloGreetsWithoutExtensions() throws Exception {
        try (SmtpTestClient client = server.connect()) {
            client.reply();
            SmtpTestClient.Reply reply = client.command("HELO client.test");
            assertEquals(250, reply.code());
            assertEquals(java.util.List.of("mx.test"), reply.lines());
        }
    }

    @Test
    void rsetAndEhloResetTheTransaction() throws Exception {
        try (SmtpTestClient client = server.connect()) {
            client.hello();
            assertEquals(250, client.command("MAIL FROM:<a@example.com>").code());
            assertEquals(250, client.command("RSET").code());
            assertEquals(503, client.command("RCPT TO:<b@example.org>").code());
            assertEquals(250, client.command("MAIL FROM:<a@example.com>").code());
            assertEquals(250, client.command("EHLO again.test").code());
            assertEquals(503, client.command("RCPT TO:<b@example.org>").code());
        }
    }

    @Test
    void simpleVerbsAnswerWithTheirCodes() throws Exception {
        try (SmtpTestClient client = server.connect()) {
            client.hello();
            assertEquals(250, client.command("NOOP").code());
            SmtpTestClient.Reply vrfy = client.command("VRFY postmaster");
            assertEquals(252, vrfy.code());
            assertTrue(vrfy.last().startsWith("2.5.0"));
            assertEquals(502, client.command("EXPN staff").code());
            assertEquals(214, client.command("HELP").code());
            assertEquals(500, client.command("FROB").code());
            assertEquals(501, client.command("DATA now").code());
            assertEquals(502, client.command("STARTTLS").code(), "no certificate configured");
            assertEquals(502, client.command("AUTH PLAIN").code(), "no authenticator configured");
            SmtpTestClient.Reply quit = client.command("QUIT");
            assertEquals(221, quit.code());
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void overlongCommandLineIsRefusedAndDropped() throws Exception {
        try (SmtpTestClient client = server.connect()) {
            client.hello();
            SmtpTestClient.Reply reply = client.command("NOOP " + "x".repeat(600));
            assertEquals(500, reply.code());
            assertTrue(reply.last().startsWith("5.5.2"));
            assertEquals(250, client.command("NOOP").code());
        }
    }

    @Test
    void everyErrorReplyCarriesAnEnhancedStatusCode() throws Exception {
        try (SmtpTestClient client = server.connect()) {
            client.hello();
            for (String command : new String[] {"RCPT TO:<x@example.org>", "FROB", "MAIL FROM:<bad", "EXPN x"}) {
                SmtpTestClient.Reply reply = client.command(command);
                assertFalse(reply.code() < 400, command);
                assertTrue(reply.last().matches("[45]\\.\\d{1,3}\\.\\d{1,3} .*"), command + " -> " + reply);
            }
        }
    }
}
