package io.mailpipe.smtp.client;

import io.mailpipe.testing.SmtpPeer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static io.mailpipe.smtp.client.ClientFixtures.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connection reuse and the per-destination limits, observed from the receiving server's side. */
class ConnectionPoolTest {

    private static Set<Integer> clientPorts(SmtpPeer peer) {
        return peer.received.stream().map(d -> d.message().session().client().getPort()).collect(Collectors.toSet());
    }

    @Test
    void concurrentDeliveriesShareAtMostTheAllowedConnectionsAndTheIoThreads() throws Exception {
        try (SmtpPeer peer = SmtpPeer.start();
             SmtpClient client = new SmtpClient(ClientFixtures.quickConfig().maxConnectionsPerDestination(2)
                     .ioThreads(2).build())) {
            Destination destination = ClientFixtures.plain(peer.address());
            List<CompletableFuture<TransactionResult>> sends = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                sends.add(client.send(destination, message("m" + i, "r" + i + "@y.test")));
            }
            for (CompletableFuture<TransactionResult> send : sends) {
                assertEquals(List.of(250), ClientFixtures.codes(send.get(20, TimeUnit.SECONDS)));
            }
            assertEquals(40, peer.received.size());
            assertTrue(clientPorts(peer).size() <= 2, clientPorts(peer).toString());
            assertTrue(client.openConnections(destination) <= 2);
            long ioThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("mailpipe-smtp-client")).count();
            assertTrue(ioThreads <= 2, "I/O threads: " + ioThreads);
        }
    }

    @Test
    void connectionIsReplacedAfterTheMaximumNumberOfMessages() throws Exception {
        try (SmtpPeer peer = SmtpPeer.start();
             SmtpClient client = new SmtpClient(ClientFixtures.quickConfig().maxMessagesPerConnection(5).build())) {
            Destination destination = ClientFixtures.plain(peer.address());
            for (int i = 0; i < 20; i++) {
                TransactionResult r = ClientFixtures.send(client, destination, message("m" + i, "a@y.test"));
                assertEquals(List.of(250), ClientFixtures.codes(r), i + " " + r);
            }
            assertEquals(20, peer.received.size());
            assertEquals(4, clientPorts(peer).size());
        }
    }

    @Test
    void idleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (SmtpPeer peer = SmtpPeer.start();
             SmtpClient client = new SmtpClient(ClientFixtures.quickConfig()
                     .idleTimeout(java.time.Duration.ofMillis(200)).build())) {
            Destination destination = ClientFixtures.plain(peer.address());
            ClientFixtures.send(client, destination, message("m", "a@y.test"));
            ClientTransactionTest.waitFor(() -> client.openConnections(destination) == 0);
            ClientFixtures.send(client, destination, message("m", "a@y.test"));
            assertEquals(2, clientPorts(peer).size());
        }
    }
}
