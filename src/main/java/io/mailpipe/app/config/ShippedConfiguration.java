package io.mailpipe.app.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration files packed into the jar: {@code application.properties} and one
 * {@code application-<profile>.properties} per profile (camel-main loads the one {@code camel.main.profile} names on
 * top). Each key keeps its value, the comment written above it (its description) and the section it sits in
 * ({@code # --- title ---} lines), so the same files are both the defaults and the documentation.
 */
public final class ShippedConfiguration {

    static final String BASE = "application.properties";
    private static final Pattern PROFILE_FILE = Pattern.compile("application-([A-Za-z0-9_-]+)\\.properties");
    private static final Pattern SECTION = Pattern.compile("#\\s*-{3}\\s*(.*?)\\s*-*\\s*");

    /**
     * One key as a shipped file writes it; {@code sharedDescription} when the comment above it was written above an
     * earlier key of the same block too.
     */
    public record ShippedKey(String key, String value, String description, String section,
                             boolean sharedDescription) {
    }

    private final List<ShippedKey> base;
    private final Map<String, List<ShippedKey>> profiles;

    private ShippedConfiguration(List<ShippedKey> base, Map<String, List<ShippedKey>> profiles) {
        this.base = base;
        this.profiles = profiles;
    }

    /** Reads the files packed with mailpipe's classes. */
    public static ShippedConfiguration load() {
        Map<String, List<ShippedKey>> profiles = new LinkedHashMap<>();
        for (String name : ProjectResources.under("application-")) {
            Matcher matcher = PROFILE_FILE.matcher(name);
            if (matcher.matches()) {
                profiles.put(matcher.group(1), parse(read(name)));
            }
        }
        return new ShippedConfiguration(parse(read(BASE)), profiles);
    }

    static String read(String resource) {
        try (InputStream in = ShippedConfiguration.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<ShippedKey> base() {
        return base;
    }

    /** Profile name to its keys, in file-name order. */
    public Map<String, List<ShippedKey>> profiles() {
        return profiles;
    }

    public Optional<List<ShippedKey>> profile(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    /** Every key of the base file and of every profile file. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        base.forEach(k -> keys.add(k.key()));
        profiles.values().forEach(list -> list.forEach(k -> keys.add(k.key())));
        return keys;
    }

    public Optional<ShippedKey> baseKey(String key) {
        return base.stream().filter(k -> k.key().equals(key)).findFirst();
    }

    /** The keys of one file in order, values as {@link Properties} reads them, comments as descriptions. */
    static List<ShippedKey> parse(String text) {
        Properties values = new Properties();
        try {
            values.load(new StringReader(text));
            List<ShippedKey> keys = new ArrayList<>();
            BufferedReader lines = new BufferedReader(new StringReader(text));
            StringBuilder comment = new StringBuilder();
            String description = "";
            String section = "";
            boolean fileHeader = true;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String trimmed = line.strip();
                Matcher header = SECTION.matcher(trimmed);
                boolean isComment = trimmed.startsWith("#") || trimmed.startsWith("!");
                fileHeader = fileHeader && isComment && !header.matches();
                if (fileHeader) {
                    continue;
                }
                if (header.matches()) {
                    section = header.group(1);
                    comment.setLength(0);
                    description = "";
                } else if (isComment) {
                    comment.append(comment.length() == 0 ? "" : " ").append(trimmed.substring(1).strip());
                } else if (trimmed.isEmpty()) {
                    comment.setLength(0);
                    description = "";
                } else {
                    boolean shared = comment.length() == 0 && !description.isEmpty();
                    if (comment.length() > 0) {
                        description = comment.toString();
                        comment.setLength(0);
                    }
                    String key = trimmed.split("\\s*[=:]", 2)[0].strip();
                    keys.add(new ShippedKey(key, values.getProperty(key, ""), description, section, shared));
                }
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
