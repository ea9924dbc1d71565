package io.mailpipe.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * camel-main's own options as its jar describes them ({@code META-INF/camel-main-configuration-metadata.json}):
 * groups such as {@code camel.main}, {@code camel.health}, {@code camel.server}, each with its options.
 */
public final class CamelMainMetadata {

    private static final String RESOURCE = "META-INF/camel-main-configuration-metadata.json";

    /** One group: its prefix, description, the class that holds its options, and the options. */
    public record Group(String prefix, String description, String sourceType, List<OptionMetadata> options) {

        /** True when the group's class is on the classpath, i.e. setting its options can have an effect. */
        public boolean available() {
            try {
                Class.forName(sourceType, false, CamelMainMetadata.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
    }

    private final List<Group> groups;

    private CamelMainMetadata(List<Group> groups) {
        this.groups = groups;
    }

    public static CamelMainMetadata load() {
        try (InputStream in = CamelMainMetadata.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, List<OptionMetadata>> options = new LinkedHashMap<>();
            for (JsonNode property : root.path("properties")) {
                String name = property.path("name").asText();
                String prefix = name.substring(0, name.lastIndexOf('.'));
                options.computeIfAbsent(prefix, p -> new ArrayList<>())
                        .add(OptionMetadata.of(name.substring(prefix.length() + 1), property));
            }
            List<Group> groups = new ArrayList<>();
            for (JsonNode group : root.path("groups")) {
                String prefix = group.path("name").asText();
                groups.add(new Group(prefix, group.path("description").asText(), group.path("sourceType").asText(),
                        List.copyOf(options.getOrDefault(prefix, List.of()))));
            }
            return new CamelMainMetadata(List.copyOf(groups));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Group> groups() {
        return groups;
    }

    /** The group whose prefix is the longest one {@code key} starts with (followed by a dot). */
    public Optional<Group> groupOf(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return groups.stream().filter(g -> lower.startsWith(g.prefix().toLowerCase(Locale.ROOT) + "."))
                .max(Comparator.comparingInt(g -> g.prefix().length()));
    }
}
