package io.mailpipe.bulk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attachments by URL from a JDK HTTP server on loopback: success, and each way a fetch is refused. */
class AttachmentFetcherTest {

    private static final byte[] FILE = "attachment content".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/file", exchange -> answer(exchange, 200, FILE));
        server.createContext("/big", exchange -> answer(exchange, 200, new byte[5000]));
        server.createContext("/missing", exchange -> answer(exchange, 404, new byte[0]));
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", base() + "/file");
            answer(exchange, 302, new byte[0]);
        });
        server.createContext("/slow", exchange -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, FILE);
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void theContentOfA200AnswerIsReturned() throws Exception {
        assertArrayEquals(FILE, fetcher(List.of()).fetch(URI.create(base() + "/file"), "/attachments/0"));
    }

    @Test
    void errorsRedirectsOversizeAndSlownessAreAttachmentRejections() {
        assertRejected(fetcher(List.of()), "/missing", "404");
        assertRejected(fetcher(List.of()), "/moved", "302");
        assertRejected(fetcher(List.of()), "/big", "larger than 1000");
        assertRejected(fetcher(List.of()), "/slow", "longer than");
    }

    @Test
    void aUrlOutsideTheAllowedPrefixesIsNotFetched() {
        assertRejected(fetcher(List.of("https://files.example/")), "/file", "allowed prefix");
    }

    @Test
    void anUnreachableHostIsARejection() throws IOException {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        BulkRequestRejectedException e = assertThrows(BulkRequestRejectedException.class, () -> fetcher(List.of())
                .fetch(URI.create("http://127.0.0.1:" + closedPort + "/x"), "/attachments/2"));
        assertEquals(Rejection.Reason.ATTACHMENT, e.rejection().reason());
        assertEquals("/attachments/2/url", e.rejection().field());
    }

    private void assertRejected(AttachmentFetcher fetcher, String path, String expected) {
        BulkRequestRejectedException e = assertThrows(BulkRequestRejectedException.class,
                () -> fetcher.fetch(URI.create(base() + path), "/attachments/1"));
        assertEquals(Rejection.Reason.ATTACHMENT, e.rejection().reason());
        assertEquals("/attachments/1/url", e.rejection().field());
        assertTrue(e.rejection().message().contains(expected), e.rejection().message());
    }

    private static AttachmentFetcher fetcher(List<String> prefixes) {
        return new AttachmentFetcher(1000, Duration.ofMillis(700), prefixes);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
