package io.mailpipe.app.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The start-up check of the whole configuration, run by {@code mailpipe run} before camel-main binds anything and
 * by {@code mailpipe config check}: unreadable configuration files, an unknown profile, unknown or misspelt keys in
 * our namespaces and in camel-main's (with the closest known key), environment variables in our namespaces that
 * match no key, values of the wrong kind, and files that cannot be used (TLS certificate and key, password file,
 * DKIM key table). Every problem names the key and where its value came from; all are reported at once.
 */
public final class ConfigurationValidator {

    private final ShippedConfiguration shipped;
    private final CamelMainMetadata camelMain;
    private final List<ComponentMetadata> components;

    public ConfigurationValidator(ShippedConfiguration shipped, CamelMainMetadata camelMain,
                                  List<ComponentMetadata> components) {
        this.shipped = shipped;
        this.camelMain = camelMain;
        this.components = components;
    }

    /** A validator over what the jar ships: its configuration files, camel-main's and our components' metadata. */
    public static ConfigurationValidator shipped() {
        return new ConfigurationValidator(ShippedConfiguration.load(), CamelMainMetadata.load(),
                ComponentMetadata.ours());
    }

    public ShippedConfiguration shippedConfiguration() {
        return shipped;
    }

    /** Every problem of the configuration {@code sources} describe; empty when it can start. */
    public List<ConfigurationProblem> validate(ConfigurationSources sources) {
        Set<ConfigurationProblem> problems = new LinkedHashSet<>(sources.problems());
        profileProblem(sources).ifPresent(problems::add);
        problems.addAll(unknownKeys(sources));
        problems.addAll(unknownEnvironment(sources));
        problems.addAll(values(sources));
        problems.addAll(FileChecks.check(sources));
        return List.copyOf(problems);
    }

    private Optional<ConfigurationProblem> profileProblem(ConfigurationSources sources) {
        String profile = sources.profile();
        List<String> allowed = camelMain.groupOf(ConfigurationSources.PROFILE_KEY)
                .flatMap(g -> ComponentMetadata.find(g.options(), "profile")).map(OptionMetadata::enumValues)
                .orElse(List.of());
        if (profile == null || allowed.isEmpty() || allowed.contains(profile)) {
            return Optional.empty();
        }
        Origin origin = sources.effective(ConfigurationSources.PROFILE_KEY).map(Setting::origin)
                .orElse(new Origin("--profile"));
        return Optional.of(new ConfigurationProblem(ConfigurationSources.PROFILE_KEY, origin, "unknown profile \""
                + profile + "\" (camel-main knows " + String.join(", ", allowed) + "; mailpipe ships "
                + String.join(", ", shipped.profiles().keySet()) + ")"));
    }

    private List<ConfigurationProblem> unknownKeys(ConfigurationSources sources) {
        KnownKeys known = sources.known();
        CamelOptions camelOptions = new CamelOptions(camelMain);
        List<ConfigurationProblem> problems = new ArrayList<>();
        for (Setting setting : sources.settings()) {
            String key = setting.key();
            if (key.startsWith("camel.")) {
                camelOptions.problem(key).ifPresent(m -> problems.add(ConfigurationProblem.of(setting, m)));
            } else if (known.inNamespace(key) && !known.isKnown(key)) {
                problems.add(ConfigurationProblem.of(setting, known.unknownKeyMessage(key)));
            }
        }
        return problems;
    }

    private static List<ConfigurationProblem> unknownEnvironment(ConfigurationSources sources) {
        KnownKeys known = sources.known();
        List<ConfigurationProblem> problems = new ArrayList<>();
        sources.environment().keySet().stream().sorted().forEach(name -> {
            Origin origin = Origin.environment(name);
            if (known.isUnknownEnvironmentVariable(name, sources.environment().get(name))) {
                problems.add(new ConfigurationProblem(null, origin, origin + ": "
                        + known.unknownEnvironmentMessage(name)));
            } else if (name.startsWith("CAMEL_COMPONENT_")) {
                problems.add(new ConfigurationProblem(null, origin, origin + ": camel-main 4.22 ignores"
                        + " CAMEL_COMPONENT_* variables; write camel.component.<scheme>.<option> = {{my.key}} in a"
                        + " --config file and set MY_KEY instead"));
            }
        });
        return problems;
    }

    /** Kubernetes sets {@code <SERVICE>_PORT=tcp://ip:port} for every Service, which can shadow one of our keys. */
    private static String serviceLinkHint(Setting setting) {
        boolean link = setting.origin().description().startsWith("environment variable ")
                && setting.value().matches("(tcp|udp|sctp)://.*");
        return link ? " (a Kubernetes service link variable: set enableServiceLinks: false in the pod spec)" : "";
    }

    private List<ConfigurationProblem> values(ConfigurationSources sources) {
        ValueRules rules = new ValueRules(shipped, components);
        List<ConfigurationProblem> problems = new ArrayList<>();
        for (String key : sources.known().keys()) {
            sources.effective(key).ifPresent(setting -> rules.check(key, setting.value())
                    .ifPresent(m -> problems.add(ConfigurationProblem.of(setting, m + serviceLinkHint(setting)))));
        }
        return problems;
    }
}
