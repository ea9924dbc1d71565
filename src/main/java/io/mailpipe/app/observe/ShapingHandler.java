package io.mailpipe.app.observe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.mailpipe.delivery.shaping.Scope;
import io.mailpipe.delivery.shaping.SiteReport;
import io.mailpipe.delivery.shaping.TrafficShaper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The operator's view of traffic shaping on the management endpoint (HTTP/1.1, RFC 9110 methods): {@code GET
 * /shaping} lists every site with its limits, the limits in force, connections, current rate and suspension, and the
 * suspended tenants and campaigns; {@code POST /shaping/suspend?site=NAME&minutes=N} (or {@code tenant=},
 * {@code campaign=}) suspends one and {@code POST /shaping/resume?site=NAME} lifts it — on every replica in Kafka mode
 * (through the shaper's broadcast), else here. Answers 404 while shaping is off, 400 for a bad query, 405 for other
 * methods, 503 when the broadcast fails.
 */
final class ShapingHandler {

    static final String PATH = "/shaping";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<TrafficShaper> shaper;

    ShapingHandler(Supplier<TrafficShaper> shaper) {
        this.shaper = shaper;
    }

    void handle(HttpExchange exchange) throws IOException {
        TrafficShaper current = shaper.get();
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (current == null) {
            ManagementServer.respond(exchange, 404, "application/json",
                    "{\"error\":\"traffic shaping is off (mailpipe.shaping.enabled)\"}");
        } else if (path.equals(PATH) && (method.equals("GET") || method.equals("HEAD"))) {
            ManagementServer.respond(exchange, 200, "application/json", JSON.writeValueAsString(state(current)));
        } else if (path.equals(PATH + "/suspend") || path.equals(PATH + "/resume")) {
            if (!method.equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                ManagementServer.respond(exchange, 405, "application/json", "{\"error\":\"method not allowed\"}");
                return;
            }
            control(exchange, current, path.endsWith("/suspend"));
        } else if (path.equals(PATH)) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            ManagementServer.respond(exchange, 405, "application/json", "{\"error\":\"method not allowed\"}");
        } else {
            ManagementServer.respond(exchange, 404, "application/json", "{\"error\":\"not found\"}");
        }
    }

    private static void control(HttpExchange exchange, TrafficShaper shaper, boolean suspend) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        Scope scope = null;
        String name = null;
        for (Scope s : Scope.values()) {
            if (query.containsKey(s.label())) {
                scope = s;
                name = query.get(s.label());
            }
        }
        String minutes = query.getOrDefault("minutes", "60");
        if (scope == null || name.isBlank() || !minutes.matches("[0-9]{1,7}") || Long.parseLong(minutes) == 0) {
            ManagementServer.respond(exchange, 400, "application/json", "{\"error\":\"give one of site=, tenant=, "
                    + "campaign= and, to suspend, minutes= (a whole number > 0, default 60)\"}");
            return;
        }
        ObjectNode answer = JSON.createObjectNode().put(scope.label(), name);
        try {
            if (suspend) {
                shaper.suspend(scope, name, Duration.ofMinutes(Long.parseLong(minutes)));
                answer.put("suspendedMinutes", Long.parseLong(minutes));
            } else {
                answer.put("resumed", shaper.resume(scope, name));
            }
        } catch (IllegalStateException e) {
            ManagementServer.respond(exchange, 503, "application/json",
                    JSON.createObjectNode().put("error", e.getMessage()).toString());
            return;
        }
        ManagementServer.respond(exchange, 200, "application/json", JSON.writeValueAsString(answer));
    }

    private static ObjectNode state(TrafficShaper shaper) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode sites = root.putArray("sites");
        for (SiteReport r : shaper.report()) {
            ObjectNode site = sites.addObject().put("site", r.site());
            site.putObject("limits").put("maxConnections", r.configured().maxConnections())
                    .put("maxMessagesPerConnection", r.configured().maxMessagesPerConnection())
                    .put("maxMessagesPerSecond", r.configured().maxMessagesPerSecond())
                    .put("maxMessagesPerHour", r.configured().maxMessagesPerHour());
            site.put("effectiveConnections", r.effectiveConnections())
                    .put("effectiveMessagesPerSecond", r.effectivePerSecond()).put("rateFactor", r.rateFactor())
                    .put("connectionsInUse", r.connectionsInUse()).put("waiting", r.waiting())
                    .put("messagesLastSecond", r.grantedLastSecond()).put("granted", r.granted())
                    .put("deferred", r.deferred()).put("pushBacks", r.pushBacks())
                    .put("suspendedSeconds", r.suspendedSeconds()).put("operatorSuspended", r.operatorSuspended());
        }
        shaper.suspended(Scope.TENANT).forEach((name, seconds) ->
                root.withObjectProperty("suspendedTenants").put(name, seconds));
        shaper.suspended(Scope.CAMPAIGN).forEach((name, seconds) ->
                root.withObjectProperty("suspendedCampaigns").put(name, seconds));
        return root;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }
}
