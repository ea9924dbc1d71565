package io.mailpipe.testing;

import io.mailpipe.smtp.ReceivedMessage;
import io.mailpipe.smtp.server.SmtpServer;
import io.mailpipe.smtp.server.SmtpServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * The project's own SMTP server engine as a receiving peer for delivery tests: listens on a loopback address with
 * an ephemeral port, accepts every message and records it with its content. {@link #close()} stops it.
 */
public final class SmtpPeer implements AutoCloseable {

    /** One received message and its bytes. */
    public record Delivered(ReceivedMessage message, byte[] content) {
        public String text() {
            return new String(content, java.nio.charset.StandardCharsets.UTF_8);
        }

        public List<String> recipients() {
            return message.envelope().recipients().stream().map(r -> r.address()).toList();
        }
    }

    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final SmtpServer server;
    public final List<Delivered> received = new CopyOnWriteArrayList<>();

    public SmtpPeer(String host, UnaryOperator<SmtpServerConfig.Builder> settings) throws InterruptedException {
        SmtpServerConfig.Builder builder = SmtpServerConfig.builder().host(host).port(0).serverName("peer.test")
                .workerExecutor(workers);
        server = new SmtpServer(settings.apply(builder).build(), this::record);
        server.start();
    }

    public static SmtpPeer start() throws InterruptedException {
        return new SmtpPeer("127.0.0.1", b -> b);
    }

    private CompletableFuture<Void> record(ReceivedMessage message) {
        try (InputStream in = message.content().openStream()) {
            received.add(new Delivered(message, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CompletableFuture.completedFuture(null);
    }

    public InetSocketAddress address() {
        return server.localAddress();
    }

    public int port() {
        return address().getPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.stop();
        workers.shutdownNow();
    }
}
