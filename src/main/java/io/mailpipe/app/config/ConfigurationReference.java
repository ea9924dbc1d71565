package io.mailpipe.app.config;

import io.mailpipe.app.config.ShippedConfiguration.ShippedKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The configuration reference ({@code docs/configuration.md}) as Markdown, generated from what the jar ships, so
 * it cannot drift from the code: the application keys of application.properties with their comments and values
 * and what each profile file changes; every endpoint and component option of mailpipe's components from their
 * generated descriptors; and camel-main's own options from its metadata, one table per group whose classes are on
 * the classpath.
 */
public final class ConfigurationReference {

    /** The command that rewrites the committed reference. */
    public static final String REGENERATE = "./bin/mailpipe config reference > docs/configuration.md";
    private static final int SHORT_DESCRIPTION = 220;

    private final ShippedConfiguration shipped;
    private final List<ComponentMetadata> components;
    private final CamelMainMetadata camelMain;

    public ConfigurationReference(ShippedConfiguration shipped, List<ComponentMetadata> components,
                                  CamelMainMetadata camelMain) {
        this.shipped = shipped;
        this.components = components;
        this.camelMain = camelMain;
    }

    public static ConfigurationReference shipped() {
        return new ConfigurationReference(ShippedConfiguration.load(), ComponentMetadata.ours(),
                CamelMainMetadata.load());
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# mailpipe configuration reference\n\n")
                .append("Generated from the jar by `mailpipe config reference`; do not edit. Regenerate with `")
                .append(REGENERATE).append("`.\n\n");
        rules(out);
        applicationKeys(out);
        out.append("## Component options\n\n")
                .append("Endpoint options are set in a route's `parameters:` block (the shipped routes fill them from")
                .append(" the application keys above); component options as `camel.component.<scheme>.<option>`.\n\n");
        components.forEach(component -> component(out, component));
        camelMain(out);
        return out.toString();
    }

    private void rules(StringBuilder out) {
        out.append("## How values are set\n\n")
                .append("Later sources win: the jar's `application.properties`; the profile's")
                .append(" `application-<profile>.properties`; each `--config FILE` in order; files named by")
                .append(" `camel.main.file-configurations`; `-Dkey=value` system properties; environment variables.")
                .append(" An environment variable overrides a key when its name is the key upper-cased with `.` and")
                .append(" `-` replaced by `_` (`smtpd.max-recipients` → `SMTPD_MAX_RECIPIENTS`).\n\n")
                .append("Profiles: `--profile NAME`, `CAMEL_MAIN_PROFILE=NAME` or `camel.main.profile=NAME` loads")
                .append(" `application-NAME.properties` on top of `application.properties`; shipped: ")
                .append(String.join(", ", shipped.profiles().keySet().stream().map(MarkdownTable::code).toList()))
                .append(". Without one, `application.properties` alone applies.\n\n")
                .append("At start-up (`mailpipe run`, and `mailpipe config check`) every key in the namespaces ")
                .append(String.join(", ", ConfigurationSources.knownKeys(shipped, new Properties())
                        .namespaces().stream().map(n -> MarkdownTable.code(n + "*")).toList()))
                .append(" must be one listed here, and so must every environment variable starting with their")
                .append(" upper-cased prefixes (except Kubernetes service links such as")
                .append(" `MAILPIPE_SMTP_SERVICE_HOST=10.0.0.7` or `MAILPIPE_SMTP_PORT=tcp://10.0.0.7:25`, recognised by")
                .append(" name and value); `camel.main.*`, other camel-main groups and")
                .append(" `camel.component.<scheme>.*` keys must be options of camel-main or of that component.")
                .append(" Values are checked (ports, hosts, CIDR blocks, domains, durations, host:port lists, enum")
                .append(" values, whole numbers, booleans) and the files named are read (TLS certificate and key,")
                .append(" password file, DKIM key table). Every error names the key and where its value came from;")
                .append(" mailpipe starts nothing until there is none.\n\n");
    }

    private void applicationKeys(StringBuilder out) {
        out.append("## Application keys\n\n");
        List<String> profiles = new ArrayList<>(shipped.profiles().keySet());
        List<String> header = new ArrayList<>(List.of("key", "default"));
        profiles.forEach(p -> header.add(p));
        header.add("description");
        Map<String, MarkdownTable> sections = new LinkedHashMap<>();
        for (ShippedKey key : shipped.base()) {
            List<String> row = new ArrayList<>(List.of(MarkdownTable.code(key.key()), MarkdownTable.code(key.value())));
            profiles.forEach(p -> row.add(profileValue(p, key.key())));
            row.add(description(key));
            sections.computeIfAbsent(key.section().isEmpty() ? "general" : key.section(),
                    s -> new MarkdownTable(header)).row(row);
        }
        for (String profile : profiles) {
            for (ShippedKey key : shipped.profiles().get(profile)) {
                if (shipped.baseKey(key.key()).isEmpty()) {
                    List<String> row = new ArrayList<>(List.of(MarkdownTable.code(key.key()), "(unset)"));
                    profiles.forEach(p -> row.add(profileValue(p, key.key())));
                    row.add(key.description());
                    sections.computeIfAbsent("set only by a profile", s -> new MarkdownTable(header)).row(row);
                }
            }
        }
        sections.forEach((title, table) -> {
            out.append("### ").append(title).append("\n\n");
            table.appendTo(out);
        });
    }

    /**
     * The comment written above the key. Where it has none of its own (no comment, or one already shown on an
     * earlier key of its block), the description of the component option the key feeds, or camel-main's
     * description of a camel.* key, if any.
     */
    private String description(ShippedKey key) {
        if (!key.description().isEmpty() && !key.sharedDescription()) {
            return key.description();
        }
        return ComponentMetadata.optionForKey(key.key(), components).map(OptionMetadata::description)
                .or(() -> camelMain.groupOf(key.key()).flatMap(g -> ComponentMetadata.find(g.options(),
                        key.key().substring(g.prefix().length() + 1))).map(o -> shortDescription(o.description())))
                .orElse("");
    }

    private String profileValue(String profile, String key) {
        return shipped.profiles().get(profile).stream().filter(k -> k.key().equals(key)).findFirst()
                .map(k -> k.value().isEmpty() ? "(empty)" : MarkdownTable.code(k.value())).orElse("");
    }

    private static void component(StringBuilder out, ComponentMetadata component) {
        out.append("### `").append(component.scheme()).append(":` ").append(component.title()).append("\n\n")
                .append(component.description()).append(" Syntax: ").append(MarkdownTable.code(component.syntax()))
                .append(".\n\n");
        MarkdownTable endpoint = new MarkdownTable(List.of("endpoint option", "kind", "type", "default",
                "description"));
        component.endpointOptions().forEach(o -> endpoint.row(List.of(MarkdownTable.code(o.name()), o.kind(),
                type(o), MarkdownTable.code(o.defaultValue()), o.description())));
        endpoint.appendTo(out);
        MarkdownTable options = new MarkdownTable(List.of("component option", "type", "default", "description"));
        component.componentOptions().forEach(o -> options.row(List.of(
                MarkdownTable.code("camel.component." + component.scheme() + "." + o.kebabName()), type(o),
                MarkdownTable.code(o.defaultValue()), shortDescription(o.description()))));
        options.appendTo(out);
    }

    private void camelMain(StringBuilder out) {
        out.append("## camel-main options\n\n")
                .append("From camel-main's own metadata; first sentence of each description. Keys are accepted in")
                .append(" kebab-case or camelCase.\n\n");
        List<String> absent = new ArrayList<>();
        for (CamelMainMetadata.Group group : camelMain.groups()) {
            if (!group.available() || group.options().isEmpty()) {
                absent.add(MarkdownTable.code(group.prefix()));
                continue;
            }
            out.append("### `").append(group.prefix()).append(".*` ").append(group.description()).append("\n\n");
            MarkdownTable table = new MarkdownTable(List.of("key", "type", "default", "description"));
            group.options().forEach(o -> table.row(List.of(MarkdownTable.code(group.prefix() + "." + o.kebabName()),
                    type(o), MarkdownTable.code(o.defaultValue()), shortDescription(o.description()))));
            table.appendTo(out);
        }
        out.append("Not listed, as their modules are not in the jar: ").append(String.join(", ", absent))
                .append(".\n");
    }

    private static String type(OptionMetadata option) {
        if (!option.enumValues().isEmpty()) {
            return "one of " + String.join(", ", option.enumValues());
        }
        return option.javaType().equals("java.time.Duration") ? "duration" : option.type();
    }

    /** The first sentence, cut at a word boundary when very long. */
    static String shortDescription(String description) {
        int end = description.indexOf(". ");
        String first = end < 0 ? description : description.substring(0, end + 1);
        if (first.length() <= SHORT_DESCRIPTION) {
            return first;
        }
        int cut = first.lastIndexOf(' ', SHORT_DESCRIPTION);
        return first.substring(0, cut < 0 ? SHORT_DESCRIPTION : cut) + " …";
    }
}
