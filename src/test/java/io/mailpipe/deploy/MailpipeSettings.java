package io.mailpipe.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration a mailpipe container of a rendered overlay runs with: application.properties from the
 * classpath, then the {@code --config} files of its arguments (read from the ConfigMaps mounted at those paths),
 * and its environment variables, which name keys the way camel-main maps them (upper case, '.' and '-' to '_').
 */
final class MailpipeSettings {

    /** The variable the java launcher reads its options from; not a mailpipe key. */
    static final String JAVA_OPTIONS_VARIABLE = "JDK_JAVA_OPTIONS";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}:]+)(?::[^}]*)?}}");

    private final Properties defaults;
    private final Map<String, String> fromFiles = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private MailpipeSettings(Properties defaults) {
        this.defaults = defaults;
    }

    static MailpipeSettings of(List<HasMetadata> objects, PodSpec pod, Container container) {
        MailpipeSettings settings = new MailpipeSettings(applicationProperties());
        List<String> args = container.getArgs() == null ? List.of() : container.getArgs();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("--config")) {
                settings.loadConfigFile(objects, pod, container, args.get(i + 1));
            }
        }
        for (EnvVar variable : container.getEnv()) {
            settings.environment.put(variable.getName(), variable.getValue());
        }
        return settings;
    }

    static Properties applicationProperties() {
        Properties properties = new Properties();
        try (InputStream in = MailpipeSettings.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Keys application.properties defines or refers to in a placeholder ({@code mailpipe.routes}). */
    static Set<String> knownKeys() {
        Properties properties = applicationProperties();
        Set<String> keys = new LinkedHashSet<>(properties.stringPropertyNames());
        for (String key : properties.stringPropertyNames()) {
            Matcher m = PLACEHOLDER.matcher(properties.getProperty(key));
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        return keys;
    }

    static String variableName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The key an environment variable overrides, if any known key maps to it. */
    static Optional<String> keyOfVariable(String variable) {
        return knownKeys().stream().filter(key -> variableName(key).equals(variable)).findFirst();
    }

    Optional<String> value(String key) {
        String variable = environment.get(variableName(key));
        if (variable != null) {
            return Optional.of(variable);
        }
        if (fromFiles.containsKey(key)) {
            return Optional.of(fromFiles.get(key));
        }
        return Optional.ofNullable(defaults.getProperty(key)).map(String::strip);
    }

    String require(String key) {
        return value(key).orElseThrow(() -> new AssertionError("no value for " + key));
    }

    Map<String, String> fileKeys() {
        return fromFiles;
    }

    Map<String, String> environment() {
        return environment;
    }

    /** Problems met resolving the {@code --config} files. */
    List<String> problems() {
        return problems;
    }

    private void loadConfigFile(List<HasMetadata> objects, PodSpec pod, Container container, String path) {
        Optional<String> text = mountedConfigMapFile(objects, pod, container, path);
        if (text.isEmpty()) {
            problems.add("--config " + path + " is no key of a ConfigMap mounted in the container");
            return;
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text.get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.stringPropertyNames().forEach(key -> fromFiles.put(key, properties.getProperty(key).strip()));
    }

    /** The content of the file at {@code path} when it is a key of a ConfigMap volume mounted in the container. */
    static Optional<String> mountedConfigMapFile(List<HasMetadata> objects, PodSpec pod, Container container,
                                                 String path) {
        for (VolumeMount mount : container.getVolumeMounts()) {
            String prefix = mount.getMountPath() + "/";
            Volume volume = volume(pod, mount.getName());
            if (!path.startsWith(prefix) || volume == null || volume.getConfigMap() == null) {
                continue;
            }
            ConfigMap configMap = KustomizeTree.configMap(objects, volume.getConfigMap().getName());
            String relative = path.substring(prefix.length());
            String key = volume.getConfigMap().getItems() == null || volume.getConfigMap().getItems().isEmpty()
                    ? relative
                    : volume.getConfigMap().getItems().stream().filter(i -> i.getPath().equals(relative))
                            .map(i -> i.getKey()).findFirst().orElse(null);
            return Optional.ofNullable(key == null ? null : configMap.getData().get(key));
        }
        return Optional.empty();
    }

    static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst().orElse(null);
    }
}
