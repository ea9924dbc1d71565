package io.mailpipe.app.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The application keys mailpipe understands: every key of the shipped application.properties and profile files,
 * plus the launcher's own defaults (such as {@code mailpipe.routes}). Their first segments ({@code smtpd.},
 * {@code spf.}, {@code mailpipe.}, …) are the namespaces checked for misspellings; {@code camel.*} keys are
 * camel-main's and checked by {@link CamelOptions}.
 *
 * <p>Environment variables map onto keys as camel-main maps them (upper case, '.' and '-' become '_'). Only names
 * that start with a namespace prefix ({@code SMTPD_}, {@code SPF_}, {@code MAILPIPE_}) are checked, and names in
 * the shape of Kubernetes service links with values of their shape ({@code MAILPIPE_SMTP_SERVICE_HOST=10.0.0.7},
 * {@code MAILPIPE_SMTP_PORT=tcp://10.0.0.7:25}, …), which Kubernetes injects for a Service whose name starts like a
 * namespace, are left alone.
 */
public final class KnownKeys {

    private static final String ADDRESS = "[0-9A-Fa-f.:]+";
    private static final String URL = "(tcp|udp|sctp)://" + ADDRESS + ":[0-9]+|(tcp|udp|sctp)://\\[" + ADDRESS
            + "\\]:[0-9]+";
    /** Kubernetes service-link names with the shape of the value Kubernetes gives each. */
    private static final List<Map.Entry<Pattern, Pattern>> SERVICE_LINKS = List.of(
            link("[A-Z0-9_]+_SERVICE_HOST", ADDRESS),
            link("[A-Z0-9_]+_SERVICE_PORT(_[A-Z0-9_]+)?", "[0-9]+"),
            link("[A-Z0-9_]+_PORT", URL),
            link("[A-Z0-9_]+_PORT_[0-9]+_(TCP|UDP|SCTP)", URL),
            link("[A-Z0-9_]+_PORT_[0-9]+_(TCP|UDP|SCTP)_PROTO", "tcp|udp|sctp"),
            link("[A-Z0-9_]+_PORT_[0-9]+_(TCP|UDP|SCTP)_PORT", "[0-9]+"),
            link("[A-Z0-9_]+_PORT_[0-9]+_(TCP|UDP|SCTP)_ADDR", ADDRESS));

    private final Set<String> keys;
    private final Set<String> namespaces;
    private final Map<String, String> keysByEnvironmentName;

    KnownKeys(Set<String> keys) {
        this.keys = new TreeSet<>(keys);
        this.namespaces = new TreeSet<>();
        this.keysByEnvironmentName = new LinkedHashMap<>();
        for (String key : this.keys) {
            if (!key.startsWith("camel.") && key.indexOf('.') > 0) {
                namespaces.add(key.substring(0, key.indexOf('.') + 1));
            }
            keysByEnvironmentName.put(environmentName(key), key);
        }
    }

    /** The name of the environment variable that overrides {@code key}. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public Set<String> keys() {
        return keys;
    }

    /** The checked namespaces, each with its trailing dot. */
    public Set<String> namespaces() {
        return namespaces;
    }

    public boolean isKnown(String key) {
        return keys.contains(key);
    }

    /** True when {@code key} lies in one of our namespaces, so an unknown one is a mistake. */
    public boolean inNamespace(String key) {
        return namespaces.stream().anyMatch(key::startsWith);
    }

    public Optional<String> keyForEnvironmentName(String name) {
        return Optional.ofNullable(keysByEnvironmentName.get(name));
    }

    private static Map.Entry<Pattern, Pattern> link(String name, String value) {
        return Map.entry(Pattern.compile(name), Pattern.compile(value));
    }

    /**
     * True for an environment variable that should be a key and is none: a namespace prefix, no known key, and
     * not a Kubernetes service link (a name and value of the shapes Kubernetes gives them).
     */
    public boolean isUnknownEnvironmentVariable(String name, String value) {
        boolean ours = namespaces.stream().map(KnownKeys::environmentName).anyMatch(name::startsWith);
        return ours && !keysByEnvironmentName.containsKey(name) && !isServiceLink(name, value);
    }

    static boolean isServiceLink(String name, String value) {
        return SERVICE_LINKS.stream().anyMatch(link -> link.getKey().matcher(name).matches()
                && link.getValue().matcher(value.strip()).matches());
    }

    /** "unknown key x (did you mean y?)" */
    String unknownKeyMessage(String key) {
        return "unknown key" + Suggestion.closest(key, keys).map(k -> " (did you mean " + k + "?)").orElse("");
    }

    /** The same for an environment variable, suggesting the variable of the closest key. */
    String unknownEnvironmentMessage(String name) {
        return "not a mailpipe setting"
                + Suggestion.closest(name, keysByEnvironmentName.keySet())
                        .map(n -> " (did you mean " + n + ", for " + keysByEnvironmentName.get(n) + "?)").orElse("");
    }
}
