package io.mailpipe.smtp.server;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * stop(): idle sessions and new connections get 421 4.3.2; a message in progress completes first, also one whose
 * end of data arrives after the drain began.
 */
class GracefulShutdownTest {

    @Test
    void drainsIdleSessionsAndLetsAMessageInProgressFinish() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        CountDownLatch arrived = new CountDownLatch(1);
        RecordingReceiver receiver = RecordingReceiver.accepting().answering(message -> {
            arrived.countDown();
            return release;
        });
        ExecutorService stopper = Executors.newSingleThreadExecutor();
        TestServer server = TestServer.start(receiver, b -> b);
        try (SmtpTestClient idle = server.connect(); SmtpTestClient busy = server.connect()) {
            idle.hello();
            busy.hello();
            busy.command("MAIL FROM:<a@example.com>");
            busy.command("RCPT TO:<b@example.org>");
            busy.command("DATA");
            busy.sendRaw("Subject: s\r\n\r\nbody\r\n.\r\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(arrived.await(10, TimeUnit.SECONDS));
            assertTrue(server.server.isAcceptingMail());

            Future<?> stopping = stopper.submit(() -> {
                server.close();
                return null;
            });
            SmtpTestClient.Reply idleClosed = idle.reply();
            assertEquals(421, idleClosed.code());
            assertTrue(idleClosed.last().startsWith("4.3.2"));
            assertFalse(server.server.isAcceptingMail());
            try (SmtpTestClient late = server.connect()) {
                assertEquals(421, late.reply().code());
            }
            release.complete(null);
            assertEquals(250, busy.reply().code(), "the message in progress is completed");
            assertEquals(421, busy.reply().code());
            stopping.get(20, TimeUnit.SECONDS);
            assertTrue(busy.closedByServer());
        } finally {
            stopper.shutdownNow();
            server.close();
        }
    }

    @Test
    void aMessageWhoseDataEndsDuringTheDrainGetsItsOutcomeBeforeThe421() throws Exception {
        ExecutorService stopper = Executors.newSingleThreadExecutor();
        TestServer server = TestServer.start(RecordingReceiver.accepting(), b -> b);
        try (SmtpTestClient busy = server.connect()) {
            busy.hello();
            busy.command("MAIL FROM:<a@example.com>");
            busy.command("RCPT TO:<b@example.org>");
            busy.command("DATA");
            busy.sendRaw("Subject: s\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
            Future<?> stopping = stopper.submit(() -> {
                server.close();
                return null;
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.server.isAcceptingMail() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertFalse(server.server.isAcceptingMail());

            busy.sendRaw(".\r\n".getBytes(StandardCharsets.US_ASCII));

            assertEquals(250, busy.reply().code(), "the message finished during the drain is accepted");
            assertEquals(421, busy.reply().code());
            stopping.get(20, TimeUnit.SECONDS);
        } finally {
            stopper.shutdownNow();
            server.close();
        }
    }
}
