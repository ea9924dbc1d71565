package io.mailpipe.smtp.server;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** maxPendingMessages: a second message waits for a permit until the receiver completes the first. */
class BackPressureTest {

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

    private static int sendOne(TestServer server) throws Exception {
        try (SmtpTestClient client = server.connect()) {
            client.hello();
            return client.sendMessage("a@example.com", "b@example.org", "Subject: bp\r\n\r\nx\r\n").code();
        }
    }
}
