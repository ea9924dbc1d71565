package io.mailpipe.delivery.shaping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks the traffic shaping limits file (YAML 1.1/1.2 subset as Jackson reads it): top-level
 * {@code defaults}, {@code sites}, {@code tenants}, {@code campaigns}, {@code back-off}. Every unknown key, negative
 * or non-numeric value and bad MX pattern is an error naming the file and the entry, so a bad file stops start-up.
 */
public final class ShapingFile {

    private static final Set<String> TOP = Set.of("defaults", "sites", "tenants", "campaigns", "back-off");
    private static final Set<String> SITE = Set.of("mx", "max-connections", "max-messages-per-connection",
            "max-messages-per-second", "max-messages-per-hour");
    private static final Set<String> RATE = Set.of("max-messages-per-second", "max-messages-per-hour");
    private static final Set<String> BACK_OFF = Set.of("suspend-seconds", "max-suspend-seconds", "min-rate-factor",
            "transient-burst", "burst-window-seconds", "recovery-step", "max-token-wait-millis");

    private ShapingFile() {
    }

    /** The policy in {@code in}; {@code name} is how errors name the file. */
    public static ShapingPolicy read(InputStream in, String name) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new ShapingFileException(name + ": not readable as YAML: " + e.getMessage(), e);
        }
        try {
            return parse(root == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : root);
        } catch (IllegalArgumentException e) {
            throw new ShapingFileException(name + ": " + e.getMessage(), null);
        }
    }

    private static ShapingPolicy parse(JsonNode root) {
        if (!root.isMissingNode() && !root.isObject()) {
            throw new IllegalArgumentException("the file must be a mapping of " + TOP);
        }
        checkKeys(root, TOP, "");
        SiteLimits defaults = root.has("defaults") ? siteLimits(root.get("defaults"), "defaults", false)
                : SiteLimits.UNLIMITED;
        List<SiteRule> sites = new ArrayList<>();
        entries(root.path("sites"), "sites").forEach((site, node) -> sites.add(siteRule(site, node)));
        return new ShapingPolicy(sites, defaults, rates(root.path("tenants"), "tenants"),
                rates(root.path("campaigns"), "campaigns"), backOff(root.path("back-off")));
    }

    private static SiteRule siteRule(String site, JsonNode node) {
        String where = "sites." + site;
        JsonNode mx = node.path("mx");
        if (!mx.isArray() || mx.isEmpty()) {
            throw new IllegalArgumentException(where + ".mx: a list of MX host patterns is required");
        }
        List<String> patterns = new ArrayList<>();
        for (JsonNode p : mx) {
            if (!p.isTextual() || !SiteRule.isValidPattern(p.asText())) {
                throw new IllegalArgumentException(where + ".mx: bad MX pattern '" + p.asText()
                        + "' (a host name, or *. followed by a domain)");
            }
            patterns.add(p.asText());
        }
        return new SiteRule(site, patterns, siteLimits(node, where, true));
    }

    private static SiteLimits siteLimits(JsonNode node, String where, boolean withMx) {
        checkKeys(node, withMx ? SITE : without(SITE, "mx"), where + ".");
        return new SiteLimits((int) whole(node, "max-connections", where, 0),
                (int) whole(node, "max-messages-per-connection", where, 0),
                number(node, "max-messages-per-second", where, 0), whole(node, "max-messages-per-hour", where, 0));
    }

    private static Map<String, RateLimits> rates(JsonNode section, String name) {
        Map<String, RateLimits> out = new LinkedHashMap<>();
        entries(section, name).forEach((key, node) -> {
            String where = name + "." + key;
            checkKeys(node, RATE, where + ".");
            out.put(key, new RateLimits(number(node, "max-messages-per-second", where, 0),
                    whole(node, "max-messages-per-hour", where, 0)));
        });
        return out;
    }

    private static BackOffSettings backOff(JsonNode node) {
        BackOffSettings d = BackOffSettings.DEFAULTS;
        checkKeys(node, BACK_OFF, "back-off.");
        try {
            return new BackOffSettings(
                    Duration.ofSeconds(whole(node, "suspend-seconds", "back-off", d.suspension().toSeconds())),
                    Duration.ofSeconds(whole(node, "max-suspend-seconds", "back-off", d.maxSuspension().toSeconds())),
                    number(node, "min-rate-factor", "back-off", d.minRateFactor()),
                    (int) whole(node, "transient-burst", "back-off", d.transientBurst()),
                    Duration.ofSeconds(whole(node, "burst-window-seconds", "back-off", d.burstWindow().toSeconds())),
                    number(node, "recovery-step", "back-off", d.recoveryStep()),
                    Duration.ofMillis(whole(node, "max-token-wait-millis", "back-off", d.maxTokenWait().toMillis())));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith("back-off") ? e.getMessage()
                    : "back-off: " + e.getMessage(), e);
        }
    }

    private static Map<String, JsonNode> entries(JsonNode section, String name) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (section.isMissingNode() || section.isNull()) {
            return out;
        }
        if (!section.isObject()) {
            throw new IllegalArgumentException(name + ": must be a mapping of names to limits");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = section.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (!e.getValue().isObject()) {
                throw new IllegalArgumentException(name + "." + e.getKey() + ": must be a mapping");
            }
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    private static void checkKeys(JsonNode node, Set<String> allowed, String prefix) {
        if (node.isMissingNode() || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(prefix.isEmpty() ? "not a mapping" : prefix + ": must be a mapping");
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(prefix + key + ": unknown key (allowed: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        });
    }

    private static double number(JsonNode node, String key, String where, double absent) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return absent;
        }
        if (!value.isNumber() || value.asDouble() < 0) {
            throw new IllegalArgumentException(where + "." + key + ": must be a number >= 0, was '"
                    + value.asText() + "'");
        }
        return value.asDouble();
    }

    private static long whole(JsonNode node, String key, String where, long absent) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return absent;
        }
        if (!value.isIntegralNumber() || value.asLong() < 0) {
            throw new IllegalArgumentException(where + "." + key + ": must be a whole number >= 0, was '"
                    + value.asText() + "'");
        }
        return value.asLong();
    }

    private static Set<String> without(Set<String> set, String key) {
        Set<String> copy = new java.util.HashSet<>(set);
        copy.remove(key);
        return copy;
    }
}
