package io.mailpipe.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Every configuration value with its origin, in camel-main's order of precedence (later wins): the launcher's
 * defaults, application.properties, the profile's application-&lt;profile&gt;.properties, the {@code --config} files
 * in order, the files {@code camel.main.file-configurations} names, {@code -D} system properties, and environment
 * variables. The profile is {@code --profile}, else {@code camel.main.profile} as the other sources set it.
 */
public final class ConfigurationSources {

    static final String PROFILE_KEY = "camel.main.profile";
    private static final String FILE_CONFIGURATIONS_KEY = "camel.main.file-configurations";

    /** What the command line and the process give. */
    public record Input(Properties launcherDefaults, String profile, List<Path> configFiles, Properties system,
                        Map<String, String> environment) {
    }

    private final KnownKeys known;
    private final Input input;
    private final List<Setting> settings = new ArrayList<>();
    private final List<Setting> configFileSettings = new ArrayList<>();
    private final List<ConfigurationProblem> problems = new ArrayList<>();
    private final String profile;

    private ConfigurationSources(ShippedConfiguration shipped, Input input) {
        this.input = input;
        this.known = knownKeys(shipped, input.launcherDefaults());
        input.launcherDefaults().stringPropertyNames()
                .forEach(k -> settings.add(new Setting(k, input.launcherDefaults().getProperty(k), Origin.launcher())));
        addShipped(shipped.base(), ShippedConfiguration.BASE);
        for (Path file : input.configFiles()) {
            readFile(file, Origin.configFile(file), configFileSettings);
        }
        String fromSources = profileFrom(configFileSettings);
        this.profile = input.profile() != null ? input.profile() : fromSources;
        if (input.profile() != null && fromSources != null && !fromSources.equals(input.profile())
                && profileVariable() != null) {
            problems.add(new ConfigurationProblem(PROFILE_KEY, new Origin("--profile"), "--profile " + input.profile()
                    + " conflicts with " + profileVariable() + "=" + fromSources + ", which camel-main would use"));
        }
        if (profile != null) {
            shipped.profile(profile).ifPresent(keys -> addShipped(keys, "application-" + profile + ".properties"));
        }
        settings.addAll(configFileSettings);
        addFileConfigurations();
        addSystemProperties();
        addEnvironment();
    }

    public static ConfigurationSources read(ShippedConfiguration shipped, Input input) {
        return new ConfigurationSources(shipped, input);
    }

    static KnownKeys knownKeys(ShippedConfiguration shipped, Properties launcherDefaults) {
        Set<String> keys = new LinkedHashSet<>(shipped.keys());
        keys.addAll(launcherDefaults.stringPropertyNames());
        return new KnownKeys(keys);
    }

    public KnownKeys known() {
        return known;
    }

    /** The profile in force, or null for none. */
    public String profile() {
        return profile;
    }

    /** Every setting, lowest precedence first. */
    public List<Setting> settings() {
        return settings;
    }

    /** The {@code --config} files' settings (what the launcher passes to camel-main as overrides). */
    public List<Setting> configFileSettings() {
        return List.copyOf(configFileSettings);
    }

    public Map<String, String> environment() {
        return input.environment();
    }

    /** Files that could not be read. */
    public List<ConfigurationProblem> problems() {
        return problems;
    }

    /** The setting in force for {@code key}: the last one in precedence order. */
    public Optional<Setting> effective(String key) {
        for (int i = settings.size() - 1; i >= 0; i--) {
            if (settings.get(i).key().equals(key)) {
                return Optional.of(settings.get(i));
            }
        }
        return Optional.empty();
    }

    public Optional<String> value(String key) {
        return effective(key).map(Setting::value);
    }

    private void addShipped(List<ShippedConfiguration.ShippedKey> keys, String resource) {
        keys.forEach(k -> settings.add(new Setting(k.key(), k.value(), Origin.classpath(resource))));
    }

    /**
     * The environment variable or -D property naming the profile, which camel-main reads before anything the
     * launcher sets (so --profile cannot override it), or null.
     */
    private String profileVariable() {
        if (input.environment().containsKey(KnownKeys.environmentName(PROFILE_KEY))) {
            return KnownKeys.environmentName(PROFILE_KEY);
        }
        return input.system().containsKey(PROFILE_KEY) ? "-D" + PROFILE_KEY : null;
    }

    private String profileFrom(List<Setting> fromFiles) {
        String name = input.environment().get(KnownKeys.environmentName(PROFILE_KEY));
        if (name == null) {
            name = input.system().getProperty(PROFILE_KEY);
        }
        for (int i = fromFiles.size() - 1; name == null && i >= 0; i--) {
            name = fromFiles.get(i).key().equals(PROFILE_KEY) ? fromFiles.get(i).value() : null;
        }
        if (name == null) {
            name = effective(PROFILE_KEY).map(Setting::value).orElse(null);
        }
        return name == null || name.isBlank() ? null : name.strip();
    }

    private void readFile(Path file, Origin origin, List<Setting> into) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            problems.add(new ConfigurationProblem(null, origin, "cannot read configuration file " + file + " ("
                    + e + ")"));
            return;
        }
        List<String> keys = new ArrayList<>(properties.stringPropertyNames());
        keys.sort(null);
        keys.forEach(k -> into.add(new Setting(k, properties.getProperty(k), origin)));
    }

    /** {@code dir/*.properties,dir2/name.properties}: camel-main reads them as overrides after --config. */
    private void addFileConfigurations() {
        String patterns = input.environment().get(KnownKeys.environmentName(FILE_CONFIGURATIONS_KEY));
        if (patterns == null) {
            patterns = input.system().getProperty(FILE_CONFIGURATIONS_KEY, value(FILE_CONFIGURATIONS_KEY).orElse(""));
        }
        for (String pattern : patterns.split(",")) {
            Path location = Path.of(pattern.strip());
            if (pattern.isBlank() || location.getParent() == null || !Files.isDirectory(location.getParent())) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(location.getParent(),
                    location.getFileName().toString())) {
                List<Setting> found = new ArrayList<>();
                for (Path file : files) {
                    readFile(file, Origin.fileConfiguration(file), found);
                }
                settings.addAll(found);
            } catch (IOException e) {
                problems.add(new ConfigurationProblem(FILE_CONFIGURATIONS_KEY, null, "cannot list " + pattern));
            }
        }
    }

    private void addSystemProperties() {
        for (String key : input.system().stringPropertyNames()) {
            if (key.startsWith("camel.") || known.inNamespace(key)) {
                settings.add(new Setting(key, input.system().getProperty(key), Origin.systemProperty(key)));
            }
        }
    }

    /** Known keys by their variable name, and camel-main's own {@code CAMEL_MAIN_*} names. */
    private void addEnvironment() {
        input.environment().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(variable -> {
            String name = variable.getKey();
            Origin origin = Origin.environment(name);
            known.keyForEnvironmentName(name)
                    .ifPresent(key -> settings.add(new Setting(key, variable.getValue(), origin)));
            if (name.startsWith("CAMEL_MAIN_")) {
                String key = "camel.main." + name.substring("CAMEL_MAIN_".length()).toLowerCase(Locale.ROOT)
                        .replace('_', '-');
                settings.add(new Setting(key, variable.getValue(), origin));
            }
        });
    }
}
