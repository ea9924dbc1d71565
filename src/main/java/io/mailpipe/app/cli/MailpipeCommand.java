package io.mailpipe.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The {@code mailpipe} root command. Without a subcommand it starts the pipeline, as {@code run} does. Each
 * subcommand is one class listed here.
 */
@Command(name = "mailpipe", mixinStandardHelpOptions = true, versionProvider = MailpipeVersion.class,
        description = "Mail transfer agent on Apache Camel routes, and the tools to check what it does.",
        subcommands = {RunCommand.class, SpfCommand.class, DkimSignCommand.class, DkimVerifyCommand.class,
            DkimKeygenCommand.class, PasswdCommand.class, ConfigCommand.class, MxCommand.class, QueueCommand.class,
            SuppressCommand.class, SubmitCommand.class},
        footer = {"", "Exit status: 0 success, 1 negative result, 2 usage error, 3 temporary error."})
final class MailpipeCommand implements Callable<Integer> {

    private final CliStreams streams;

    @Mixin
    PipelineOptions pipeline;

    MailpipeCommand(CliStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws Exception {
        return new RunCommand(streams, pipeline).call();
    }
}
