package io.mailpipe.app.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Configuration sources as the launcher builds them, with the environment and system properties a test gives. */
final class Sources {

    private final List<Path> configFiles = new ArrayList<>();
    private final Properties system = new Properties();
    private Map<String, String> environment = Map.of();
    private String profile;

    Sources config(Path file) {
        configFiles.add(file);
        return this;
    }

    Sources system(String key, String value) {
        system.setProperty(key, value);
        return this;
    }

    Sources environment(Map<String, String> variables) {
        environment = variables;
        return this;
    }

    Sources profile(String name) {
        profile = name;
        return this;
    }

    ConfigurationSources read() {
        Properties launcher = new Properties();
        launcher.setProperty("mailpipe.routes", "classpath:routes/*.camel.yaml");
        return ConfigurationSources.read(ShippedConfiguration.load(),
                new ConfigurationSources.Input(launcher, profile, configFiles, system, environment));
    }

    List<ConfigurationProblem> validate() {
        return ConfigurationValidator.shipped().validate(read());
    }
}
