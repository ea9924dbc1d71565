package io.mailpipe.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One address on the suppression list, as stored in the compacted suppression topic: key {@code scope/address}
 * (the address lower-cased, RFC 5321 §2.4 leaves local-part case to the receiving host but providers ignore it; the
 * scope a tenant, or {@code *} for every tenant), value the JSON object {@code {address, scope, reason, category,
 * at, source}}; a record with a null value (tombstone) removes the key. Reasons: {@code hard_bounce} (added by a
 * permanent failure of a suppressing category) and {@code operator}, or any word an operator chooses.
 */
public record SuppressionEntry(String scope, String address, String reason, BounceCategory category, Instant at,
                               String source) {

    /** The scope that applies to every tenant. */
    public static final String GLOBAL = "*";
    public static final String HARD_BOUNCE = "hard_bounce";
    public static final String OPERATOR = "operator";

    private static final ObjectMapper JSON = new ObjectMapper();

    public SuppressionEntry {
        scope = scopeOf(scope);
        address = normalise(address);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }

    /** The key of an address in a scope (null or blank scope: {@link #GLOBAL}). */
    public static String key(String scope, String address) {
        return scopeOf(scope) + "/" + normalise(address);
    }

    /** The form addresses are compared in: trimmed and lower-cased. */
    public static String normalise(String address) {
        Objects.requireNonNull(address, "address");
        String trimmed = address.trim();
        if (trimmed.isEmpty() || trimmed.indexOf('@') < 1) {
            throw new IllegalArgumentException("not an address: '" + address + "'");
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    private static String scopeOf(String scope) {
        if (scope == null || scope.isBlank()) {
            return GLOBAL;
        }
        if (scope.contains("/")) {
            throw new IllegalArgumentException("a tenant scope cannot contain '/': " + scope);
        }
        return scope.trim();
    }

    public String key() {
        return key(scope, address);
    }

    public byte[] toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("address", address);
        node.put("scope", scope);
        node.put("reason", reason);
        if (category != null) {
            node.put("category", category.id());
        }
        node.put("at", at.toString());
        if (source != null) {
            node.put("source", source);
        }
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a stored value; an unknown category reads as {@link BounceCategory#OTHER}. */
    public static SuppressionEntry fromJson(byte[] value) {
        try {
            JsonNode node = JSON.readTree(new String(value, StandardCharsets.UTF_8));
            BounceCategory category = node.hasNonNull("category")
                    ? BounceCategory.ofId(node.get("category").asText()).orElse(BounceCategory.OTHER) : null;
            return new SuppressionEntry(node.path("scope").asText(GLOBAL), node.path("address").asText(),
                    node.path("reason").asText(OPERATOR), category, Instant.parse(node.path("at").asText()),
                    node.hasNonNull("source") ? node.get("source").asText() : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
