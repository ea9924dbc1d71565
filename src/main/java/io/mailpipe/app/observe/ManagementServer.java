package io.mailpipe.app.observe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mailpipe.delivery.shaping.TrafficShaper;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The management HTTP endpoint (JDK HTTP server, HTTP/1.1 RFC 9112): {@code GET /observe/health/live} and
 * {@code /observe/health/ready} answer 200 or 503 with a {@link HealthReport} in JSON, {@code /observe/metrics} the
 * meters in the Prometheus text exposition format 0.0.4; {@code /shaping} is the traffic shaping control of
 * {@link ShapingHandler}. Other paths get 404, other methods 405.
 */
public final class ManagementServer implements AutoCloseable {

    public static final String LIVE_PATH = "/observe/health/live";
    public static final String READY_PATH = "/observe/health/ready";
    public static final String METRICS_PATH = "/observe/metrics";
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService threads;

    private ManagementServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Binds and starts serving without traffic shaping control; {@code port} 0 picks a free port. */
    public static ManagementServer start(InetSocketAddress address, Supplier<List<HealthCheck>> liveness,
                                         Supplier<List<HealthCheck>> readiness, PrometheusMeterRegistry registry)
            throws IOException {
        return start(address, liveness, readiness, registry, () -> null);
    }

    /** Binds and starts serving, with {@code /shaping} over the shaper {@code shaping} gives (null while off). */
    public static ManagementServer start(InetSocketAddress address, Supplier<List<HealthCheck>> liveness,
                                         Supplier<List<HealthCheck>> readiness, PrometheusMeterRegistry registry,
                                         Supplier<TrafficShaper> shaping) throws IOException {
        HttpServer server = HttpServer.create(address, 16);
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "mailpipe-management");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", exchange -> respond(exchange, 404, "application/json", "{\"error\":\"not found\"}"));
        server.createContext(LIVE_PATH, exchange -> health(exchange, liveness));
        server.createContext(READY_PATH, exchange -> health(exchange, readiness));
        server.createContext(METRICS_PATH, exchange -> {
            if (allowed(exchange)) {
                respond(exchange, 200, PROMETHEUS_TEXT, registry.scrape());
            }
        });
        server.createContext(ShapingHandler.PATH, new ShapingHandler(shaping)::handle);
        server.start();
        return new ManagementServer(server, threads);
    }

    /** Where it listens (tells the port when 0 was asked). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private static void health(HttpExchange exchange, Supplier<List<HealthCheck>> checks) throws IOException {
        if (allowed(exchange)) {
            HealthReport report = HealthReport.of(checks.get());
            respond(exchange, report.httpStatus(), "application/json", report.toJson());
        }
    }

    private static boolean allowed(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        respond(exchange, 405, "application/json", "{\"error\":\"method not allowed\"}");
        return false;
    }

    static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    /** Stops answering at once and releases the port. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
