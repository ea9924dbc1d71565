package io.mailpipe.app.observe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of a health endpoint: every check with its state, UP only when all are up. Rendered as a small JSON
 * object, {@code {"status":"UP","checks":[{"name":"...","status":"UP"},...]}}, with a {@code detail} on checks
 * that are down.
 */
public record HealthReport(Map<String, HealthCheck.CheckResult> results) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public HealthReport {
        results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }

    /** Runs the checks in order. */
    public static HealthReport of(List<HealthCheck> checks) {
        Map<String, HealthCheck.CheckResult> results = new LinkedHashMap<>();
        for (HealthCheck check : checks) {
            results.put(check.name(), check.check());
        }
        return new HealthReport(results);
    }

    public boolean up() {
        return results.values().stream().allMatch(HealthCheck.CheckResult::up);
    }

    /** 200 when up, 503 when not. */
    public int httpStatus() {
        return up() ? 200 : 503;
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", up() ? "UP" : "DOWN");
        ArrayNode checks = root.putArray("checks");
        results.forEach((name, result) -> {
            ObjectNode check = checks.addObject();
            check.put("name", name);
            check.put("status", result.up() ? "UP" : "DOWN");
            if (result.detail() != null) {
                check.put("detail", result.detail());
            }
        });
        return root.toString();
    }
}
