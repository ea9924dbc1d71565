package io.mailpipe.app.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailpipe.delivery.shaping.BackOffSettings;
import io.mailpipe.delivery.shaping.ShapingPolicy;
import io.mailpipe.delivery.shaping.SiteLimits;
import io.mailpipe.delivery.shaping.SiteRule;
import io.mailpipe.delivery.shaping.TrafficShaper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The /shaping control of the management endpoint: listing, suspending and resuming, and its refusals. */
class ShapingHandlerTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicReference<TrafficShaper> shaper = new AtomicReference<>();
    private ManagementServer server;

    @BeforeEach
    void start() throws Exception {
        server = ManagementServer.start(new InetSocketAddress("127.0.0.1", 0), List::of, List::of,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), shaper::get);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> request(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void shaping() {
        shaper.set(new TrafficShaper(new ShapingPolicy(List.of(new SiteRule("gmail", List.of("*.google.com"),
                new SiteLimits(5, 10, 2, 100))), SiteLimits.UNLIMITED, Map.of(), Map.of(), BackOffSettings.DEFAULTS),
                () -> 1));
    }

    @Test
    void notFoundWhileShapingIsOff() throws Exception {
        HttpResponse<String> response = request("GET", "/shaping");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("mailpipe.shaping.enabled"));
    }

    @Test
    void listsSitesAndSuspendedTenants() throws Exception {
        shaping();
        assertEquals(200, request("POST", "/shaping/suspend?tenant=acme&minutes=5").statusCode());
        JsonNode state = new ObjectMapper().readTree(request("GET", "/shaping").body());
        JsonNode gmail = state.get("sites").get(0);
        assertEquals("gmail", gmail.get("site").asText());
        assertEquals(5, gmail.get("limits").get("maxConnections").asInt());
        assertEquals(2.0, gmail.get("effectiveMessagesPerSecond").asDouble());
        assertFalse(gmail.get("operatorSuspended").asBoolean());
        assertEquals(300, state.get("suspendedTenants").get("acme").asLong());
        assertTrue(request("POST", "/shaping/resume?tenant=acme").body().contains("\"resumed\":true"));
        assertTrue(request("POST", "/shaping/resume?tenant=acme").body().contains("\"resumed\":false"));
    }

    @Test
    void refusesBadQueriesAndMethods() throws Exception {
        shaping();
        assertEquals(400, request("POST", "/shaping/suspend?site=gmail&minutes=soon").statusCode());
        assertEquals(400, request("POST", "/shaping/suspend?site=gmail&minutes=0").statusCode());
        assertEquals(400, request("POST", "/shaping/resume?planet=mars").statusCode());
        assertEquals(405, request("DELETE", "/shaping").statusCode());
        assertEquals(405, request("GET", "/shaping/resume?site=gmail").statusCode());
        assertEquals(404, request("GET", "/shaping/other").statusCode());
    }
}
