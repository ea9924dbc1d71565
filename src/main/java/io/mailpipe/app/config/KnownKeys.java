package io.mailpipe.app.config;

import java.util.LinkedHashMap;
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
 * the shape of Kubernetes service links ({@code MAILPIPE_SERVICE_HOST}, {@code MAILPIPE_PORT_25_TCP_ADDR}, …),
 * which Kubernetes injects for a Service named like the namespace, are left alone.
 */
public final class KnownKeys {

    private static final Pattern SERVICE_LINK = Pattern.compile(
            "[A-Z0-9_]+_(SERVICE_HOST|SERVICE_PORT(_[A-Z0-9_]+)?|PORT(_[0-9]+_(TCP|UDP|SCTP)(_(PROTO|PORT|ADDR))?)?)");

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

    /** True for an environment variable name that is ours to check: a namespace prefix, not a service link. */
    public boolean checksEnvironmentName(String name) {
        boolean ours = namespaces.stream().map(KnownKeys::environmentName).anyMatch(name::startsWith);
        return ours && !keysByEnvironmentName.containsKey(name) && !SERVICE_LINK.matcher(name).matches();
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
