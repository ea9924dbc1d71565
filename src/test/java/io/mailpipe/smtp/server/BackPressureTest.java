package io.mailpipe.smtp.server;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Back-pressure: a second message waits for a permit until the receiver completes the first (maxPendingMessages),
 * and a client that keeps sending while its message is pending is no longer read from once the session's input
 * limit is buffered.
 */
class BackPressureTest {

    private static final long FLOOD_BYTES = 64L << 20;

    @Test
    void secondMessageIsHandedOverOnlyAfterTheFirstCompletes() throws Exception {
        CompletableFuture<Void> firstDone = new CompletableFuture<>();
        CountDownLatch firstArrived = new CountDownLatch(1);
        RecordingReceiver receiver = RecordingReceiver.accepting().answering(message -> {
            if (firstArrived.getCount() == 1) {
                firstArrived.countDown();
                return firstDone;
            }
            return CompletableFuture.completedFuture(null);
        });
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try (TestServer server = TestServer.start(receiver, b -> b.maxPendingMessages(1))) {
            Future<Integer> first = clients.submit(() -> sendOne(server));
            assertTrue(firstArrived.await(10, TimeUnit.SECONDS));
            assertEquals(1, receiver.received().size());
            Future<Integer> second = clients.submit(() -> sendOne(server));
            receiver.next();
            assertNull(receiver.poll(500), "the second message must wait for the first one's permit");
            firstDone.complete(null);
            assertEquals(250, first.get(10, TimeUnit.SECONDS));
            assertEquals(250, second.get(10, TimeUnit.SECONDS));
            assertEquals(2, receiver.received().size());
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aClientFloodingWhileItsMessageIsPendingIsNotReadBeyondTheSuspendedInputLimit() throws Exception {
        CompletableFuture<Void> never = new CompletableFuture<>();
        RecordingReceiver receiver = RecordingReceiver.accepting().answering(message -> never);
        ExecutorService flooder = Executors.newSingleThreadExecutor();
        try (TestServer server = TestServer.start(receiver, b -> b);
             SmtpTestClient client = server.connect()) {
            client.hello();
            assertEquals(250, client.command("MAIL FROM:<a@example.com>").code());
            assertEquals(250, client.command("RCPT TO:<b@example.org>").code());
            assertEquals(354, client.command("DATA").code());
            client.sendRaw("Subject: flood\r\n\r\nx\r\n.\r\n".getBytes(StandardCharsets.US_ASCII));
            receiver.next();
            byte[] noops = "NOOP\r\n".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            flooder.submit(() -> {
                for (int i = 0; i < FLOOD_BYTES / noops.length; i++) {
                    client.sendRaw(noops);
                }
                return null;
            });
            long read = awaitSteady(server.counters::bytesReceived);
            assertTrue(read < FLOOD_BYTES / 8, "the server read " + read + " octets while the message was pending");
        } finally {
            flooder.shutdownNow();
        }
    }

    /** Waits until {@code value} stops growing for half a second (at most ten seconds); returns it. */
    private static long awaitSteady(LongSupplier value) throws InterruptedException {
        long last = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            long now = value.getAsLong();
            if (now == last) {
                return now;
            }
            last = now;
            Thread.sleep(500);
        }
        return value.getAsLong();
    }

    private static int sendOne(TestServer server) throws Exception {
        try (SmtpTestClient client = server.connect()) {
            client.hello();
            return client.sendMessage("a@example.com", "b@example.org", "Subject: bp\r\n\r\nx\r\n").code();
        }
    }
}
