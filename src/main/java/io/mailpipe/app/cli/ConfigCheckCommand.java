package io.mailpipe.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mailpipe config check}: loads the configuration and the routes as {@code run} does, without starting any
 * route (so no port is opened and no consumer runs), and reports every problem found. Exit 0 when valid, 1 when not.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Load the configuration and routes as 'run' would, report every error, start nothing.")
final class ConfigCheckCommand implements Callable<Integer> {

    private final CliStreams streams;

    @Mixin
    PipelineOptions pipeline;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    ConfigCheckCommand(CliStreams streams) {
        this.streams = streams;
    }

    /** What {@code --json} prints. */
    record CheckReport(boolean valid, List<String> routes, List<String> errors) {
    }

    @Override
    public Integer call() throws Exception {
        ConfigurationCheck.Outcome outcome = new ConfigurationCheck(pipeline).run();
        if (json) {
            JsonOutput.write(streams.out(), new CheckReport(outcome.valid(), outcome.routes(), outcome.errors()));
        } else {
            outcome.errors().forEach(error -> streams.out().println("error: " + error));
            streams.out().println((outcome.valid() ? "configuration valid: " : "configuration invalid: ")
                    + outcome.routes().size() + " route(s) loaded " + outcome.routes() + ", none started");
            streams.out().flush();
        }
        return outcome.valid() ? ExitCodes.OK : ExitCodes.NEGATIVE;
    }
}
