package io.mailpipe.app.cli;

import io.mailpipe.app.config.ConfigurationReference;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code mailpipe config reference}: prints the configuration reference (every application key, component option
 * and camel-main option with its default) as Markdown; {@code docs/configuration.md} is its committed output.
 */
@Command(name = "reference", mixinStandardHelpOptions = true,
        description = "Print the configuration reference as Markdown (docs/configuration.md is its output).")
final class ConfigReferenceCommand implements Callable<Integer> {

    private final CliStreams streams;

    ConfigReferenceCommand(CliStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() {
        streams.out().print(ConfigurationReference.shipped().markdown());
        streams.out().flush();
        return ExitCodes.OK;
    }
}
