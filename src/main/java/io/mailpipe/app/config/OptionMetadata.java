package io.mailpipe.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One option as Camel's generated metadata describes it (component, endpoint or camel-main option): name, kind
 * (path, parameter, property), type, default, enum values, description.
 */
public record OptionMetadata(String name, String kind, String type, String javaType, String defaultValue,
                             List<String> enumValues, String description) {

    static OptionMetadata of(String name, JsonNode node) {
        List<String> values = new ArrayList<>();
        node.path("enum").forEach(v -> values.add(v.asText()));
        JsonNode defaultValue = node.get("defaultValue");
        return new OptionMetadata(name, node.path("kind").asText(""), node.path("type").asText(""),
                node.path("javaType").asText(""), defaultValue == null ? "" : defaultValue.asText(),
                List.copyOf(values), node.path("description").asText(""));
    }

    /** The name in the kebab-case properties files use: {@code maxRecipients} becomes {@code max-recipients}. */
    public String kebabName() {
        return kebab(name);
    }

    static String kebab(String camelCase) {
        StringBuilder out = new StringBuilder();
        for (char c : camelCase.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Compares names as camel-main binds them: case-insensitive, dashes ignored. */
    static String bindingName(String name) {
        return name.replace("-", "").toLowerCase(Locale.ROOT);
    }
}
