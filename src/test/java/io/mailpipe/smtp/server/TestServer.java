package io.mailpipe.smtp.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/** A real SmtpServer on 127.0.0.1 with an ephemeral port and its own worker pool, stopped on close. */
final class TestServer implements AutoCloseable {

    final SmtpServer server;
    final RecordingReceiver receiver;
    final SmtpServerCounters counters = new SmtpServerCounters();
    private final ExecutorService workers = Executors.newFixedThreadPool(8);

    private TestServer(RecordingReceiver receiver, UnaryOperator<SmtpServerConfig.Builder> settings)
            throws InterruptedException {
        this.receiver = receiver;
        SmtpServerConfig.Builder builder = SmtpServerConfig.builder()
                .host("127.0.0.1").port(0).serverName("mx.test")
                .workerExecutor(workers).metrics(counters);
        this.server = new SmtpServer(settings.apply(builder).build(), receiver);
        server.start();
    }

    static TestServer start(UnaryOperator<SmtpServerConfig.Builder> settings) throws InterruptedException {
        return new TestServer(RecordingReceiver.accepting(), settings);
    }

    static TestServer start(RecordingReceiver receiver, UnaryOperator<SmtpServerConfig.Builder> settings)
            throws InterruptedException {
        return new TestServer(receiver, settings);
    }

    static TestServer start() throws InterruptedException {
        return start(b -> b);
    }

    InetSocketAddress address() {
        return server.localAddress();
    }

    SmtpTestClient connect() throws IOException {
        return SmtpTestClient.connect(address());
    }

    @Override
    public void close() throws InterruptedException {
        server.stop();
        workers.shutdownNow();
    }
}
