package io.mailpipe.app.config;

import io.mailpipe.delivery.HostAndPort;
import io.mailpipe.delivery.TlsPolicies;
import io.mailpipe.dns.DnsjavaResolverSettings;
import io.mailpipe.queue.kafka.DurationText;
import io.mailpipe.smtp.server.NetworkRange;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.camel.util.TimeUtils;

/**
 * Checks one value of an application key before camel-main starts. The rule follows from the key, never from a
 * list of keys: its last segment names the kind of value ({@code port}, {@code host}, {@code *-networks} CIDR
 * blocks (RFC 4632, RFC 4291), {@code *-domains} domain names (RFC 1035 §2.3.1), {@code overrides}
 * domain=host:port, {@code tls-policy}/{@code tls-policies}, {@code dns-servers}, {@code smarthost},
 * {@code brokers}, {@code *-delay}/{@code *lifetime}/{@code *-tiers} durations); a key whose segments name one of our
 * components ({@code smtpd.max-recipients}, {@code mailpipe.mx.tls-policy}) is checked against that endpoint
 * option's type and enum values from the component descriptor; otherwise the shipped default's shape (a whole
 * number, true/false, a duration) is the rule. Empty values, placeholders and bean references are not checked.
 */
final class ValueRules {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    private final ShippedConfiguration shipped;
    private final List<ComponentMetadata> components;

    ValueRules(ShippedConfiguration shipped, List<ComponentMetadata> components) {
        this.shipped = shipped;
        this.components = components;
    }

    /**
     * What is wrong with {@code value} for {@code key}, if anything: the rule its name gives, else its component
     * option's type, else the shape of its shipped default.
     */
    Optional<String> check(String key, String value) {
        String text = value.strip();
        if (text.isEmpty() || text.contains("{{") || text.startsWith("#")) {
            return Optional.empty();
        }
        try {
            if (byName(key.substring(key.lastIndexOf('.') + 1), text)) {
                return Optional.empty();
            }
        } catch (RuntimeException e) {
            return Optional.of("\"" + text + "\" " + e.getMessage());
        }
        return byType(key, text);
    }

    /** Applies the rule the last segment of the key names; false when it names none. */
    private static boolean byName(String name, String text) {
        if (name.equals("port") || name.endsWith("-port")) {
            port(text);
        } else if (name.equals("host")) {
            host(text);
        } else if (name.endsWith("networks")) {
            each(text, ValueRules::cidr, "is not a list of CIDR blocks like 192.0.2.0/24,2001:db8::/32");
        } else if (name.endsWith("domains")) {
            each(text, ValueRules::domain, "is not a list of domain names");
        } else if (name.equals("overrides")) {
            each(text, ValueRules::override, "is not a list of domain=host:port");
        } else if (name.equals("tls-policy")) {
            rethrow(() -> TlsPolicies.parsePolicy(text), "is not a TLS policy (none, opportunistic, required,"
                    + " required-verify)");
        } else if (name.equals("tls-policies")) {
            rethrow(() -> TlsPolicies.parseMap(text), "is not a list of domain=policy (policies: none,"
                    + " opportunistic, required, required-verify)");
        } else if (name.equals("dns-servers")) {
            rethrow(() -> DnsjavaResolverSettings.parseServers(text), "is not a list of host:port");
        } else if (name.equals("smarthost") || name.equals("brokers")) {
            each(text, entry -> HostAndPort.parse(entry, 25), "is not a list of host:port");
        } else if (name.endsWith("-delay") || name.endsWith("lifetime")) {
            rethrow(() -> DurationText.parse(text), "is not a duration like 30s, 10m, 1h or 5d");
        } else if (name.endsWith("-tiers")) {
            each(text, DurationText::parse, "is not a list of durations like 1m,10m,1h");
        } else {
            return false;
        }
        return true;
    }

    /** Rules that depend on the key as a whole: component option type, else the shipped default's shape. */
    private Optional<String> byType(String key, String text) {
        Optional<OptionMetadata> option = ComponentMetadata.optionForKey(key, components);
        String type = option.map(ValueRules::typeOf).orElseGet(() -> shapeOfDefault(key));
        List<String> enumValues = option.map(OptionMetadata::enumValues).orElse(List.of());
        if (!enumValues.isEmpty()) {
            return enumValues.stream().anyMatch(v -> v.equalsIgnoreCase(text)) ? Optional.empty()
                    : Optional.of("\"" + text + "\" is not one of " + String.join(", ", enumValues));
        }
        return switch (type) {
            case "integer" -> WHOLE_NUMBER.matcher(text).matches() && fitsLong(text) ? Optional.empty()
                    : Optional.of("\"" + text + "\" is not a whole number");
            case "boolean" -> text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false") ? Optional.empty()
                    : Optional.of("\"" + text + "\" is not true or false");
            case "duration" -> isComponentDuration(text) ? Optional.empty()
                    : Optional.of("\"" + text + "\" is not a duration like 30s, 10m, 1h or 5d");
            default -> Optional.empty();
        };
    }

    private static String typeOf(OptionMetadata option) {
        if (option.javaType().equals("java.time.Duration")) {
            return "duration";
        }
        return option.type();
    }

    private String shapeOfDefault(String key) {
        String shipped = this.shipped.baseKey(key).map(ShippedConfiguration.ShippedKey::value).orElse("").strip();
        if (WHOLE_NUMBER.matcher(shipped).matches()) {
            return "integer";
        }
        if (shipped.equals("true") || shipped.equals("false")) {
            return "boolean";
        }
        return shipped.matches("[0-9]{1,9}[smhd]") ? "duration" : "";
    }

    /** A duration as Camel converts it for a java.time.Duration option ("30s", "1h30m", "PT5M", milliseconds). */
    private static boolean isComponentDuration(String text) {
        try {
            TimeUtils.toMilliSeconds(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean fitsLong(String text) {
        try {
            Long.parseLong(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static void port(String text) {
        if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
            throw new IllegalArgumentException("is not a port number (1-65535)");
        }
    }

    /** An IP address literal, or a host name that resolves (so the listener can bind to it). */
    static void host(String text) {
        if (text.indexOf(':') >= 0 || text.matches("[0-9.]+")) {
            if (!IPV4.matcher(text).matches() && !(text.indexOf(':') >= 0 && text.matches("[0-9A-Fa-f:.]+")
                    && isAddress(text))) {
                throw new IllegalArgumentException("is not an IP address");
            }
            return;
        }
        domain(text);
        try {
            InetAddress.getAllByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("is not an IP address and does not resolve as a host name");
        }
    }

    private static boolean isAddress(String literal) {
        try {
            InetAddress.getByName(literal);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * An address with an optional prefix length; IPv4 in full dotted-quad form, as the resolver library would
     * otherwise read "10/8" as 0.0.0.10/8.
     */
    static void cidr(String text) {
        String address = text.contains("/") ? text.substring(0, text.indexOf('/')) : text;
        if (address.indexOf(':') < 0 && !IPV4.matcher(address).matches()) {
            throw new IllegalArgumentException("is not an IPv4 address in dotted-quad form or an IPv6 address");
        }
        NetworkRange.parse(text);
    }

    /** A host name of letter-digit-hyphen labels (RFC 1035 §2.3.1, RFC 1123 §2.1). */
    static void domain(String text) {
        String name = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        if (name.isEmpty() || name.length() > 253
                || !Arrays.stream(name.split("\\.", -1)).allMatch(l -> LABEL.matcher(l).matches())) {
            throw new IllegalArgumentException("is not a domain name");
        }
    }

    private static void override(String entry) {
        String[] parts = entry.split("=", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("needs domain=host:port");
        }
        domain(parts[0].strip());
        HostAndPort.parse(parts[1], 25);
    }

    private static void each(String text, Consumer<String> check, String what) {
        for (String entry : text.split(",")) {
            String item = entry.strip().toLowerCase(Locale.ROOT);
            if (item.isEmpty()) {
                continue;
            }
            try {
                check.accept(item);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(what + ": '" + item + "' " + reason(e));
            }
        }
    }

    private static void rethrow(Runnable parse, String what) {
        try {
            parse.run();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + " (" + reason(e) + ")", e);
        }
    }

    private static String reason(RuntimeException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
