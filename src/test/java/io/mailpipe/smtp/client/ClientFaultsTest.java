package io.mailpipe.smtp.client;

import io.mailpipe.smtp.SmtpReply;
import io.mailpipe.testing.ScriptedPeer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.mailpipe.smtp.client.ClientFixtures.message;
import static io.mailpipe.smtp.client.ClientFixtures.plain;
import static io.mailpipe.smtp.client.ClientFixtures.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Servers that misbehave: garbage, mixed-code multi-line replies, over-long lines, silence, a connection dropped in
 * the middle of DATA. Each ends as a classified transient outcome with a text that names the fault, never a hang.
 */
class ClientFaultsTest {

    private final SmtpClient client = new SmtpClient(ClientFixtures.quickConfig()
            .timeouts(ClientTimeouts.uniform(Duration.ofMillis(800))).maxReplyLineLength(1000).build());

    @AfterEach
    void close() {
        client.close();
    }

    private SmtpReply onlyReply(ScriptedPeer.Script script) throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(script)) {
            TransactionResult result = send(client, plain(peer.address()), message("hi", "a@y.test"));
            assertEquals(1, result.replies().size());
            return result.replies().get("a@y.test");
        }
    }

    @Test
    void garbageGreetingIsAProtocolFailureAndAnotherHostMayBeTried() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(c -> c.send("HTTP/1.1 400 Bad Request\r\n\r\n"))) {
            TransactionResult result = send(client, plain(peer.address()), message("hi", "a@y.test"));
            SmtpReply reply = result.replies().get("a@y.test");
            assertEquals("4.5.0", reply.enhancedStatus());
            assertTrue(reply.lines().get(0).contains("protocol error"), reply.toString());
            assertTrue(result.tryNextHost());
        }
    }

    @Test
    void mixedCodesInTheEhloReplyAreAProtocolFailure() throws Exception {
        SmtpReply reply = onlyReply(c -> {
            c.send("220 ok\r\n");
            c.read();
            c.send("250-hello\r\n550 no\r\n");
            c.read();
        });
        assertEquals("4.5.0", reply.enhancedStatus());
        assertTrue(reply.lines().get(0).contains("mixes codes"), reply.toString());
    }

    @Test
    void replyLineOverTheLimitIsAProtocolFailure() throws Exception {
        SmtpReply reply = onlyReply(c -> {
            c.greetAndEhlo();
            c.read();
            c.send("250 " + "x".repeat(5000) + "\r\n");
            c.read();
        });
        assertTrue(reply.lines().get(0).contains("longer than 1000"), reply.toString());
        assertTrue(reply.isTransientFailure());
    }

    @Test
    void replyLongerThan512OctetsButWithinTheLimitIsAccepted() throws Exception {
        SmtpReply reply = onlyReply(c -> {
            c.greetAndEhlo();
            c.read();
            c.send("250 2.1.0 " + "s".repeat(600) + "\r\n");
            c.read();
            c.send("550 5.1.1 " + "u".repeat(700) + "\r\n");
            c.read();
            c.send("554 5.5.1 no valid recipients\r\n");
            c.read();
        });
        assertEquals(550, reply.code());
        assertEquals("5.1.1", reply.enhancedStatus());
        assertEquals(700, reply.lines().get(0).length());
    }

    @Test
    void silentServerTimesOut() throws Exception {
        SmtpReply reply = onlyReply(c -> c.read());
        assertEquals("4.4.2", reply.enhancedStatus());
        assertTrue(reply.lines().get(0).contains("no reply to greeting"), reply.toString());
    }

    @Test
    void serverSilentAfterDataTimesOutOnTheFinalReply() throws Exception {
        SmtpReply reply = onlyReply(c -> {
            c.greetAndEhlo();
            c.read();
            c.send("250 ok\r\n");
            c.read();
            c.send("250 ok\r\n");
            c.read();
            c.send("354 go\r\n");
            c.readUntil(".");
            c.read();
        });
        assertTrue(reply.lines().get(0).contains("no reply to end of data"), reply.toString());
    }

    @Test
    void connectionDroppedInTheMiddleOfDataIsTransient() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            c.greetAndEhlo();
            c.read();
            c.send("250 ok\r\n");
            c.read();
            c.send("250 ok\r\n");
            c.read();
            c.send("354 go\r\n");
            c.read();
            c.close();
        })) {
            String big = "line of text\r\n".repeat(200_000);
            TransactionResult result = send(client, plain(peer.address()), message(big, "a@y.test"));
            SmtpReply reply = result.replies().get("a@y.test");
            assertTrue(reply.isTransientFailure(), reply.toString());
            assertEquals("4.4.2", reply.enhancedStatus());
            assertFalse(result.tryNextHost());
        }
    }

    @Test
    void refusedConnectionIsTransientAndTriesTheNextHost() throws Exception {
        java.net.InetSocketAddress closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = new java.net.InetSocketAddress(s.getInetAddress(), s.getLocalPort());
        }
        TransactionResult result = send(client, plain(closed), message("hi", "a@y.test"));
        assertEquals(List.of(421), ClientFixtures.codes(result));
        assertEquals("4.4.1", result.replies().get("a@y.test").enhancedStatus());
        assertTrue(result.tryNextHost());
    }
}
