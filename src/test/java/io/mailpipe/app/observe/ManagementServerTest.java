package io.mailpipe.app.observe;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManagementServerTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicBoolean ready = new AtomicBoolean(true);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ManagementServer server;

    private final HealthCheck readiness = new HealthCheck() {
        @Override
        public String name() {
            return "switch";
        }

        @Override
        public CheckResult check() {
            return ready.get() ? CheckResult.healthy() : CheckResult.unhealthy("switched off");
        }
    };

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> request(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void start() throws Exception {
        server = ManagementServer.start(new InetSocketAddress("127.0.0.1", 0), List::of, () -> List.of(readiness),
                registry);
    }

    @Test
    void readinessFollowsItsChecksAndLivenessWithoutChecksIsUp() throws Exception {
        start();

        assertEquals(200, request("GET", ManagementServer.READY_PATH).statusCode());
        ready.set(false);
        HttpResponse<String> down = request("GET", ManagementServer.READY_PATH);
        assertEquals(503, down.statusCode());
        assertEquals("application/json", down.headers().firstValue("Content-Type").orElse(""));
        assertTrue(down.body().contains("\"detail\":\"switched off\""), down.body());
        assertEquals(200, request("GET", ManagementServer.LIVE_PATH).statusCode());
    }

    @Test
    void metricsAreServedInThePrometheusTextFormat() throws Exception {
        registry.counter("mailpipe.smtpd.connections").increment(3);
        start();

        HttpResponse<String> metrics = request("GET", ManagementServer.METRICS_PATH);

        assertEquals(200, metrics.statusCode());
        assertEquals(ManagementServer.PROMETHEUS_TEXT, metrics.headers().firstValue("Content-Type").orElse(""));
        assertTrue(metrics.body().contains("# TYPE mailpipe_smtpd_connections_total counter\n"), metrics.body());
        assertTrue(metrics.body().contains("\nmailpipe_smtpd_connections_total 3.0\n"), metrics.body());
    }

    @Test
    void unknownPathsAre404AndOtherMethods405() throws Exception {
        start();

        assertEquals(404, request("GET", "/observe/nothing").statusCode());
        HttpResponse<String> post = request("POST", ManagementServer.READY_PATH);
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void afterCloseThePortIsReleased() throws Exception {
        start();
        int port = server.address().getPort();
        server.close();
        server = null;

        try (java.net.ServerSocket again = new java.net.ServerSocket()) {
            again.bind(new InetSocketAddress("127.0.0.1", port));
            assertEquals(port, again.getLocalPort());
        }
    }
}
