package io.mailpipe.app.config;

import java.nio.file.Path;

/**
 * Where a configuration value came from, as an error message names it: a properties file on the classpath, a
 * {@code --config} file, an environment variable, a {@code -D} system property, or the launcher's own default.
 */
public record Origin(String description) {

    public static Origin classpath(String resource) {
        return new Origin(resource + " (in the jar)");
    }

    public static Origin configFile(Path file) {
        return new Origin("--config " + file);
    }

    public static Origin fileConfiguration(Path file) {
        return new Origin("camel.main.file-configurations file " + file);
    }

    public static Origin environment(String name) {
        return new Origin("environment variable " + name);
    }

    public static Origin systemProperty(String key) {
        return new Origin("-D" + key);
    }

    public static Origin launcher() {
        return new Origin("the launcher's default");
    }

    @Override
    public String toString() {
        return description;
    }
}
