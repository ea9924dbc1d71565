package io.mailpipe.app.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailpipe.camel.mx.MxConstants;
import io.mailpipe.camel.observe.PipelineMeters;
import io.mailpipe.camel.support.RawMessage;
import io.mailpipe.delivery.TransientDeliveryException;
import io.mailpipe.delivery.shaping.SiteReport;
import io.mailpipe.delivery.shaping.TrafficShaper;
import io.mailpipe.dns.UnboundServer;
import io.mailpipe.testing.CountingSink;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Traffic shaping end to end through {@code mx:}: two simulated providers on 127.0.0.2 and 127.0.0.3 found by MX
 * records in a loopback unbound; three domains served by the first share its site limits (concurrent transactions,
 * messages per connection), the second answers 421 4.7.0 and is suspended without further connections, and an
 * operator suspends and resumes sites over the management endpoint; the shaping meters show on /observe/metrics.
 */
class TrafficShapingIT {

    private static final int MESSAGES = 240;
    private static final List<String> ALPHA_DOMAINS = List.of("one.test", "two.test", "three.test");

    @TempDir
    static Path directory;

    private static UnboundServer dns;
    private static CountingSink alpha;
    private static CountingSink beta;
    private static CamelContext context;
    private static ProducerTemplate template;
    private static ManagementServer management;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        alpha = new CountingSink("127.0.0.2", 0);
        beta = new CountingSink("127.0.0.3", alpha.port());
        List<String> zone = new ArrayList<>();
        for (String domain : ALPHA_DOMAINS) {
            zone.add("local-data: '" + domain + ". 300 IN MX 10 mx1.alpha.test.'");
            zone.add("local-data: '" + domain + ". 300 IN MX 20 mx2.alpha.test.'");
        }
        zone.add("local-data: 'mx1.alpha.test. 300 IN A 127.0.0.2'");
        zone.add("local-data: 'mx2.alpha.test. 300 IN A 127.0.0.2'");
        zone.add("local-data: 'pushy.test. 300 IN MX 10 mx.beta.test.'");
        zone.add("local-data: 'mx.beta.test. 300 IN A 127.0.0.3'");
        dns = UnboundServer.start(zone, List.of());
        Path limits = Files.writeString(directory.resolve("limits.yaml"), """
                defaults: {max-connections: 10}
                sites:
                  alpha: {mx: ["*.alpha.test"], max-connections: 3, max-messages-per-connection: 4}
                  beta: {mx: ["*.beta.test"], max-connections: 2}
                back-off: {suspend-seconds: 600, max-suspend-seconds: 1200}
                """);
        context = new DefaultCamelContext();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        context.getRegistry().bind("pipelineMeters", PipelineMeters.class, new PipelineMeters(registry));
        Properties properties = new Properties();
        properties.setProperty("mailpipe.shaping.enabled", "true");
        properties.setProperty("mailpipe.shaping.file", limits.toString());
        context.getPropertiesComponent().setInitialProperties(properties);
        String uri = "mx:it?tlsPolicy=none&heloName=client.test&port=" + alpha.port() + "&dnsServers=127.0.0.1:"
                + dns.address().getPort() + "&maxConnectionsPerDestination=20&callbackThreads=4";
        RouteBuilder.addRoutes(context, routes -> routes.from("direct:in").to(uri));
        context.start();
        template = context.createProducerTemplate();
        management = ManagementServer.start(new InetSocketAddress("127.0.0.1", 0), List::of, List::of,
                registry, TrafficShapingIT::shaper);
    }

    @AfterAll
    static void stop() throws Exception {
        if (management != null) {
            management.close();
        }
        if (context != null) {
            context.close();
        }
        for (AutoCloseable c : new AutoCloseable[] {alpha, beta, dns}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private static TrafficShaper shaper() {
        return context.getRegistry().lookupByNameAndType(TrafficShaper.BEAN_NAME, TrafficShaper.class);
    }

    private static CompletableFuture<Exchange> send(String recipient) {
        return template.asyncSend("direct:in", e -> {
            e.getMessage().setBody(RawMessage.of("Subject: t\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII)));
            e.getMessage().setHeaders(new java.util.HashMap<>(Map.of(MxConstants.MAIL_FROM, "sender@client.test",
                    MxConstants.RCPT_TO, List.of(recipient))));
        });
    }

    private static Exchange sendNow(String recipient) throws Exception {
        return send(recipient).get(30, TimeUnit.SECONDS);
    }

    private static SiteReport site(String name) {
        return shaper().report().stream().filter(r -> r.site().equals(name)).findFirst().orElseThrow();
    }

    private static HttpResponse<String> http(String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management.address().getPort()
                        + path)).method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void domainsOfOneProviderShareItsConnectionAndPerConnectionLimits() throws Exception {
        int before = alpha.messages();
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            sent.add(send("user" + i + "@" + ALPHA_DOMAINS.get(i % ALPHA_DOMAINS.size())));
        }
        for (CompletableFuture<Exchange> exchange : sent) {
            assertNull(exchange.get(60, TimeUnit.SECONDS).getException());
        }
        assertEquals(MESSAGES, alpha.messages() - before);
        assertTrue(alpha.maxConcurrentTransactions() <= 3, "at most 3 transactions at once, saw "
                + alpha.maxConcurrentTransactions());
        assertTrue(alpha.maxConcurrentConnections() <= 3, "at most 3 connections at once, saw "
                + alpha.maxConcurrentConnections());
        assertTrue(alpha.maxMessagesPerConnection() <= 4, "at most 4 messages per connection, saw "
                + alpha.maxMessagesPerConnection());
        assertTrue(alpha.connections() >= MESSAGES / 4, "connections were closed after 4 messages");
        assertTrue(site("alpha").granted() >= MESSAGES);
        assertEquals(0, site("alpha").connectionsInUse());
        Map<String, Double> metrics = Scrape.metrics(management.address().getPort());
        assertEquals(0.0, metrics.get("mailpipe_shaping_connections{site=\"alpha\"}"), metrics.toString());
        assertTrue(metrics.get("mailpipe_shaping_connection_waits_total{site=\"alpha\"}") > 0, metrics.toString());
    }

    @Test
    void providerPushingBackIsSuspendedWithoutFurtherConnectionsUntilResumed() throws Exception {
        beta.pushBack(true);
        Exchange first = sendNow("a@pushy.test");
        assertInstanceOf(TransientDeliveryException.class, first.getException());
        assertEquals(1, beta.connections());
        for (int i = 0; i < 5; i++) {
            Exchange deferred = sendNow("b" + i + "@pushy.test");
            assertInstanceOf(TransientDeliveryException.class, deferred.getException());
            assertTrue(deferred.getException().getMessage().contains("4.4.5"), deferred.getException().getMessage());
        }
        assertEquals(1, beta.connections(), "no connection while suspended");
        assertTrue(site("beta").suspendedSeconds() > 500);
        JsonNode listing = new ObjectMapper().readTree(http("GET", "/shaping").body());
        JsonNode betaState = null;
        for (JsonNode s : listing.get("sites")) {
            if (s.get("site").asText().equals("beta")) {
                betaState = s;
            }
        }
        assertTrue(betaState.get("suspendedSeconds").asLong() > 500);
        assertEquals(1, betaState.get("pushBacks").asInt());
        Map<String, Double> metrics = Scrape.metrics(management.address().getPort());
        assertEquals(1.0, metrics.get("mailpipe_shaping_backoffs_total{site=\"beta\"}"), metrics.toString());
        assertEquals(1.0, metrics.get("mailpipe_shaping_suspended{site=\"beta\"}"));
        assertEquals(5.0, metrics.get("mailpipe_shaping_deferrals_total{reason=\"site_backed_off\","
                + "site=\"beta\"}"));

        beta.pushBack(false);
        HttpResponse<String> resumed = http("POST", "/shaping/resume?site=beta");
        assertEquals(200, resumed.statusCode());
        assertTrue(resumed.body().contains("\"resumed\":true"), resumed.body());
        assertNull(sendNow("c@pushy.test").getException());
        assertEquals(2, beta.connections());
    }

    @Test
    void operatorSuspendsAndResumesASiteOverHttp() throws Exception {
        assertEquals(200, http("POST", "/shaping/suspend?site=alpha&minutes=30").statusCode());
        int connections = alpha.connections();
        int messages = alpha.messages();
        Exchange deferred = sendNow("held@one.test");
        assertInstanceOf(TransientDeliveryException.class, deferred.getException());
        assertTrue(deferred.getException().getMessage().contains("suspended by an operator"));
        assertEquals(messages, alpha.messages());
        assertEquals(connections, alpha.connections());
        assertTrue(http("GET", "/shaping").body().contains("\"operatorSuspended\":true"));
        assertEquals(405, http("GET", "/shaping/suspend?site=alpha").statusCode());
        assertEquals(400, http("POST", "/shaping/suspend?minutes=3").statusCode());

        assertEquals(200, http("POST", "/shaping/resume?site=alpha").statusCode());
        assertNull(sendNow("released@one.test").getException());
        assertEquals(messages + 1, alpha.messages());
    }
}
