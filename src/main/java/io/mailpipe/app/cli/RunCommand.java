package io.mailpipe.app.cli;

import java.util.concurrent.Callable;
import org.apache.camel.main.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code mailpipe run}: starts the pipeline (camel-main with application.properties and the YAML routes) and
 * blocks until it is stopped; the exit status is camel-main's.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start the pipeline (the default when no command is given).")
final class RunCommand implements Callable<Integer> {

    private final CliStreams streams;

    @Mixin
    PipelineOptions pipeline;

    RunCommand(CliStreams streams) {
        this(streams, new PipelineOptions());
    }

    RunCommand(CliStreams streams, PipelineOptions pipeline) {
        this.streams = streams;
        this.pipeline = pipeline;
    }

    @Override
    public Integer call() throws Exception {
        PipelineOptions.Configured configured = pipeline.newMain();
        if (!configured.errors().isEmpty()) {
            configured.errors().forEach(error -> streams.err().println("mailpipe: " + error));
            return ExitCodes.NEGATIVE;
        }
        Main main = configured.main();
        return main.run(new String[0]);
    }
}
