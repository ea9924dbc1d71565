package io.mailpipe.app.cli;

import io.mailpipe.app.config.ConfigurationProblem;
import io.mailpipe.app.config.ConfigurationValidator;
import io.mailpipe.app.config.SettingReferences;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code mailpipe run}: checks the configuration ({@link ConfigurationValidator}) and, when it finds problems,
 * prints them all and exits 1 before anything is started or bound; otherwise starts the pipeline (camel-main with
 * application.properties and the YAML routes) and blocks until it is stopped; the exit status is then camel-main's.
 * When Camel cannot start, its message is followed by the settings it refers to and where their values came from.
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
        ConfigurationValidator validator = ConfigurationValidator.shipped();
        PipelineOptions.Configured configured = pipeline.newMain(validator.shippedConfiguration());
        List<ConfigurationProblem> problems = validator.validate(configured.sources());
        if (!problems.isEmpty()) {
            problems.forEach(problem -> streams.err().println("mailpipe: " + problem.describe()));
            streams.err().println("mailpipe: " + problems.size() + " configuration error(s); nothing started");
            streams.err().flush();
            return ExitCodes.NEGATIVE;
        }
        try {
            return configured.main().run(new String[0]);
        } catch (RuntimeException e) {
            throw new CommandFailure(ExitCodes.NEGATIVE, explain(e, configured), e);
        }
    }

    /** Camel's message, followed by the settings it refers to and where each came from. */
    private static String explain(RuntimeException failure, PipelineOptions.Configured configured) {
        String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        StringBuilder out = new StringBuilder("cannot start: ").append(message);
        for (String setting : SettingReferences.in(message, configured.sources())) {
            out.append("\n  set by ").append(setting);
        }
        return out.toString();
    }
}
