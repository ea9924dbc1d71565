package io.mailpipe.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the bounce rules data file: a JSON object {@code {"rules": [...]}} whose entries, in order, each have a
 * {@code name}, a {@code category} (a {@link BounceCategory} id), and a {@code status} pattern (RFC 3463 enhanced
 * status, see {@link StatusPattern}) and/or a {@code text} regular expression (case-insensitive, searched in the
 * reply text), plus an optional free-text {@code note}. Everything is checked while reading: an unknown field or
 * category, a bad pattern or expression fails with an error naming the file and the rule.
 */
public final class BounceRulesFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("name", "status", "text", "category", "note");

    private BounceRulesFile() {
    }

    /** The rules in {@code in}; {@code source} names the file in error messages. */
    public static List<BounceRule> read(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("bounce rules " + source + ": not valid JSON: " + e.getMessage(), e);
        }
        JsonNode rules = root == null ? null : root.get("rules");
        if (rules == null || !rules.isArray() || rules.isEmpty()) {
            throw new IllegalArgumentException("bounce rules " + source + ": needs a non-empty \"rules\" array");
        }
        List<BounceRule> parsed = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            parsed.add(rule(rules.get(i), source, i + 1));
        }
        return List.copyOf(parsed);
    }

    private static BounceRule rule(JsonNode node, String source, int position) {
        String name = node.path("name").asText("");
        String where = "bounce rules " + source + ": rule " + position + (name.isEmpty() ? "" : " '" + name + "'");
        try {
            if (!node.isObject() || name.isEmpty()) {
                throw new IllegalArgumentException("needs an object with a \"name\"");
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!FIELDS.contains(field)) {
                    throw new IllegalArgumentException("unknown field \"" + field + "\" (known: " + FIELDS + ")");
                }
            }
            String categoryId = node.path("category").asText("");
            BounceCategory category = BounceCategory.ofId(categoryId).orElseThrow(() ->
                    new IllegalArgumentException("unknown category '" + categoryId + "'"));
            StatusPattern status = node.has("status") ? StatusPattern.parse(node.get("status").asText()) : null;
            Pattern text = node.has("text") ? Pattern.compile(node.get("text").asText(),
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE) : null;
            return new BounceRule(name, status, text, category);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(where + ": bad text expression: " + e.getDescription()
                    + " in '" + e.getPattern() + "'", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }
}
