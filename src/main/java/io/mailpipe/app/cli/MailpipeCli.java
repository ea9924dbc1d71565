package io.mailpipe.app.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/**
 * Builds the picocli command tree of the {@code mailpipe} jar and runs one invocation against given streams: usage
 * errors exit 2 (picocli's status), a {@link CommandFailure} prints its message on stderr and exits with its
 * status, and any other exception is reported on stderr with status 1.
 */
public final class MailpipeCli {

    private MailpipeCli() {
    }

    /** Runs {@code args} and returns the exit status; never calls {@link System#exit}. */
    public static int execute(String[] args, CliStreams streams) {
        return commandLine(streams).execute(args);
    }

    static CommandLine commandLine(CliStreams streams) {
        return commandLine(streams, List.of());
    }

    /** The command tree where each of {@code prebuilt} replaces the command of its class (tests give resolvers). */
    static CommandLine commandLine(CliStreams streams, List<Object> prebuilt) {
        CommandLine commandLine = new CommandLine(new MailpipeCommand(streams), new StreamsFactory(streams, prebuilt));
        commandLine.setOut(new PrintWriter(streams.out(), true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(streams.err(), true, StandardCharsets.UTF_8));
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> report(streams, exception));
        return commandLine;
    }

    private static int report(CliStreams streams, Exception exception) {
        streams.out().flush();
        if (exception instanceof CommandFailure failure) {
            streams.err().println("mailpipe: " + failure.getMessage());
            return failure.exitCode();
        }
        streams.err().println("mailpipe: " + exception);
        return ExitCodes.NEGATIVE;
    }

    /** Creates command objects with the invocation's streams when they take them, or hands out a prebuilt one. */
    private record StreamsFactory(CliStreams streams, List<Object> prebuilt) implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (Object command : prebuilt) {
                if (command.getClass() == type) {
                    return type.cast(command);
                }
            }
            try {
                return type.getDeclaredConstructor(CliStreams.class).newInstance(streams);
            } catch (NoSuchMethodException noStreams) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
