package io.mailpipe.smtp.client;

import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.SmtpReply;
import io.mailpipe.testing.ScriptedPeer;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.mailpipe.smtp.client.ClientFixtures.message;
import static io.mailpipe.smtp.client.ClientFixtures.plain;
import static io.mailpipe.smtp.client.ClientFixtures.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The transaction as a scripted server sees it: PIPELINING groups MAIL, RCPTs and DATA (RFC 2920), a late greeting
 * is waited for (RFC 5321 §3.1), EHLO falls back to HELO (§4.1.4), per-recipient replies are kept, SIZE and SMTPUTF8
 * are checked before sending, and a reused connection gets RSET before the next transaction.
 */
class ClientTransactionTest {

    private final SmtpClient client = new SmtpClient(ClientFixtures.quickConfig().build());

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void pipelinedCommandsArriveBeforeAnyReplyAndRepliesAreMatchedInOrder() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            c.greetAndEhlo("PIPELINING", "ENHANCEDSTATUSCODES");
            for (int i = 0; i < 4; i++) {
                c.read();
            }
            c.send("250 2.1.0 ok\r\n250 2.1.5 ok\r\n550 5.1.1 unknown\r\n354 go\r\n");
            c.readUntil(".");
            c.send("250 2.0.0 queued\r\n");
            c.read();
            c.send("221 bye\r\n");
        })) {
            TransactionResult result = send(client, plain(peer.address()),
                    message("hello\r\n.dot\r\n", "a@y.test", "b@y.test"));
            assertEquals(List.of(250, 550), ClientFixtures.codes(result), result.toString() + peer.received);
            assertEquals("2.0.0", result.replies().get("a@y.test").enhancedStatus());
            assertEquals(List.of("unknown"), result.replies().get("b@y.test").lines());
            assertEquals(List.of("EHLO client.test", "MAIL FROM:<sender@client.test>", "RCPT TO:<a@y.test>",
                    "RCPT TO:<b@y.test>", "DATA"), peer.received.subList(0, 5));
            assertTrue(peer.received.contains("..dot"), peer.received.toString());
        }
    }

    @Test
    void greetingSentAfterAPauseIsWaitedForAndTheMessageDelivered() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            Thread.sleep(300);
            c.greetAndEhlo();
            c.read();
            c.send("250 ok\r\n");
            c.read();
            c.send("250 ok\r\n");
            c.read();
            c.send("354 go\r\n");
            c.readUntil(".");
            c.send("250 2.0.0 queued\r\n");
            c.read();
            c.send("221 bye\r\n");
        })) {
            TransactionResult result = send(client, plain(peer.address()), message("x", "a@y.test"));
            assertEquals(List.of(250), ClientFixtures.codes(result), result.toString() + peer.received);
            assertEquals("EHLO client.test", peer.received.get(0));
        }
    }

    @Test
    void heloIsUsedWhenEhloIsRejected() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            c.send("220 old\r\n");
            c.read();
            c.send("502 what\r\n");
            c.read();
            c.send("250 hello\r\n");
            c.read();
            c.send("250 ok\r\n");
            c.read();
            c.send("451 4.2.0 later\r\n");
            c.read();
            c.send("221 bye\r\n");
        })) {
            TransactionResult result = send(client, plain(peer.address()), message("x", "a@y.test"));
            SmtpReply reply = result.replies().get("a@y.test");
            assertEquals(451, reply.code());
            assertEquals("4.2.0", reply.enhancedStatus());
            assertEquals("HELO client.test", peer.received.get(1));
        }
    }

    @Test
    void messageOverTheAnnouncedSizeFailsPermanentlyWithoutMail() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            c.greetAndEhlo("SIZE 10");
            c.read();
        })) {
            SmtpReply reply = send(client, plain(peer.address()), message("far too long", "a@y.test"))
                    .replies().get("a@y.test");
            assertEquals(552, reply.code());
            assertEquals("5.3.4", reply.enhancedStatus());
            assertTrue(peer.received.stream().noneMatch(l -> l.startsWith("MAIL")));
        }
    }

    @Test
    void internationalisedMessageToServerWithoutSmtputf8FailsWith567() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            c.greetAndEhlo("8BITMIME");
            c.read();
        })) {
            OutboundMessage message = new OutboundMessage(
                    new MailFrom("sender@client.test", OptionalLong.empty(), MailFrom.BodyType.EIGHT_BIT_MIME, true,
                            null, null),
                    List.of(ClientFixtures.rcpt("jörg@y.test")), ClientFixtures.content("x"));
            SmtpReply reply = send(client, plain(peer.address()), message).replies().get("jörg@y.test");
            assertEquals(553, reply.code());
            assertEquals("5.6.7", reply.enhancedStatus());
        }
    }

    @Test
    void reusedConnectionIsResetBetweenMessagesAndQuitOnClose() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            c.greetAndEhlo();
            while (true) {
                String line = c.read();
                if (line == null) {
                    return;
                }
                if (line.equals("DATA")) {
                    c.send("354 go\r\n");
                    c.readUntil(".");
                }
                c.send(line.equals("QUIT") ? "221 bye\r\n" : "250 ok\r\n");
            }
        })) {
            Destination destination = plain(peer.address());
            for (int i = 0; i < 3; i++) {
                assertEquals(List.of(250), ClientFixtures.codes(send(client, destination, message("m", "a@y.test"))));
            }
            assertEquals(1, client.openConnections(destination));
            client.close();
            assertEquals(2, peer.received.stream().filter(l -> l.equals("RSET")).count());
            assertEquals(1, peer.received.stream().filter(l -> l.startsWith("EHLO")).count());
            waitFor(() -> peer.received.contains("QUIT"));
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean());
    }
}
