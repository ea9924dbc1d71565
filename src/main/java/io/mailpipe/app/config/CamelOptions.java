package io.mailpipe.app.config;

import java.util.List;
import java.util.Optional;

/**
 * Checks {@code camel.*} keys against Camel's own metadata: {@code camel.component.<scheme>.<option>} against the
 * component options of the scheme's descriptor, and the camel-main groups ({@code camel.main.*},
 * {@code camel.health.*}, …) against camel-main's option list. camel-main refuses such a key too, but one at a
 * time and without saying which file it came from; this check reports them all with their origin. Keys under other
 * {@code camel.} prefixes (beans, vaults of absent modules, …) are left to camel-main.
 */
final class CamelOptions {

    private static final String COMPONENT = "camel.component.";

    private final CamelMainMetadata main;

    CamelOptions(CamelMainMetadata main) {
        this.main = main;
    }

    /** What is wrong with {@code key}, if anything. */
    Optional<String> problem(String key) {
        if (key.startsWith(COMPONENT)) {
            return componentProblem(key);
        }
        return main.groupOf(key).flatMap(group -> {
            String option = firstSegment(key.substring(group.prefix().length() + 1));
            if (ComponentMetadata.find(group.options(), option).isPresent()) {
                return Optional.empty();
            }
            return Optional.of("unknown camel-main option" + suggestion(option, group.prefix(), group.options()));
        });
    }

    private Optional<String> componentProblem(String key) {
        String rest = key.substring(COMPONENT.length());
        int dot = rest.indexOf('.');
        if (dot <= 0 || rest.startsWith("properties.")) {
            return Optional.empty();
        }
        String scheme = rest.substring(0, dot);
        String option = firstSegment(rest.substring(dot + 1));
        Optional<ComponentMetadata> component = ComponentMetadata.forScheme(scheme);
        if (component.isEmpty()) {
            return Optional.of("no Camel component '" + scheme + "' on the classpath");
        }
        if (component.get().componentOption(option).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("unknown option of the " + scheme + " component"
                + suggestion(option, COMPONENT + scheme, component.get().componentOptions()));
    }

    private static String suggestion(String option, String prefix, List<OptionMetadata> options) {
        return Suggestion.closest(OptionMetadata.kebab(option), options.stream().map(OptionMetadata::kebabName)
                .toList()).map(name -> " (did you mean " + prefix + "." + name + "?)").orElse("");
    }

    private static String firstSegment(String text) {
        int end = text.length();
        for (char stop : new char[] {'.', '['}) {
            int at = text.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return text.substring(0, end);
    }
}
