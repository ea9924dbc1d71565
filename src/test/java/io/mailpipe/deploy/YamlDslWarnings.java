package io.mailpipe.deploy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Captures what Camel's YAML DSL warns about while an action runs. The loader and its deserializers log through
 * loggers under {@code org.apache.camel.dsl.yaml} (compact notation, old option names, unsupported top-level
 * nodes); slf4j-simple writes them to the current {@code System.err}, which this swaps for the duration.
 */
final class YamlDslWarnings {

    static final String LOGGER_PREFIX = "org.apache.camel.dsl.yaml";

    private YamlDslWarnings() {
    }

    /** The result of an action and the YAML DSL warning lines logged while it ran. */
    record Captured<T>(T result, List<String> warnings) {
    }

    static synchronized <T> Captured<T> during(Callable<T> action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        T result;
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            result = action.call();
        } finally {
            System.setErr(original);
        }
        List<String> warnings = buffer.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains(" WARN ") && line.contains(LOGGER_PREFIX))
                .toList();
        original.print(buffer.toString(StandardCharsets.UTF_8));
        return new Captured<>(result, warnings);
    }
}
