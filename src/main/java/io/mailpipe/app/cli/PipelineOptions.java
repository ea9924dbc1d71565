package io.mailpipe.app.cli;

import io.mailpipe.app.MailpipeMain;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.camel.main.Main;
import picocli.CommandLine.Option;

/**
 * How {@code run} and {@code config check} build the same camel-main: the launcher's defaults (application.properties,
 * the routes directory or the routes packed in the jar), then each {@code --config} properties file as overrides,
 * later files winning. Environment variables and {@code -D} properties override as usual.
 */
final class PipelineOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file overriding application.properties (repeatable; later files win).")
    List<Path> configFiles = new ArrayList<>();

    /** A camel-main ready to start, and the problems met reading the configuration files. */
    record Configured(Main main, List<String> errors) {
    }

    Configured newMain() {
        Main main = MailpipeMain.newMain(Path.of(""));
        List<String> errors = new ArrayList<>();
        for (Path file : configFiles) {
            try {
                load(file).forEach((key, value) -> main.addOverrideProperty((String) key, (String) value));
            } catch (IOException | IllegalArgumentException e) {
                errors.add("cannot read configuration file " + file + " (" + e + ")");
            }
        }
        return new Configured(main, errors);
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
