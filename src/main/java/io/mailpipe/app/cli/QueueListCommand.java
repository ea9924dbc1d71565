package io.mailpipe.app.cli;

import io.mailpipe.queue.spool.QueuedMessage;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mailpipe queue list}: every message of the spool, like Postfix's mailq: queue id, state, sender, pending
 * recipients, age, attempts, next attempt and last error (RFC 5321 §4.5.4.1 retry bookkeeping). Reads the message
 * files without the spool's lock, so it works while mailpipe runs.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the messages of the spool (read-only; works while mailpipe runs).")
final class QueueListCommand implements Callable<Integer> {

    private final CliStreams streams;

    @Mixin
    SpoolOptions spool;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    QueueListCommand(CliStreams streams) {
        this.streams = streams;
    }

    /** One message as {@code --json} prints it; the age in seconds, the next attempt as an ISO-8601 instant. */
    record MessageReport(String id, String state, String sender, List<String> recipients, long ageSeconds,
            int attempts, String nextAttemptAt, String lastError) {
    }

    /** What {@code --json} prints. */
    record ListReport(String spool, List<MessageReport> messages) {
    }

    @Override
    public Integer call() throws Exception {
        List<QueuedMessage> messages = QueueCommand.readSpool(spool.directory);
        if (json) {
            JsonOutput.write(streams.out(), new ListReport(spool.directory.toString(),
                    messages.stream().map(QueueListCommand::report).toList()));
        } else {
            printText(streams.out(), messages);
        }
        return ExitCodes.OK;
    }

    private static MessageReport report(QueuedMessage message) {
        return new MessageReport(message.queueId(), message.state().directoryName(), message.sender(),
                message.pendingRecipients(), message.age().toSeconds(), message.attempts(),
                message.nextAttemptAt() == null ? null : message.nextAttemptAt().toString(), message.lastError());
    }

    private static void printText(PrintStream out, List<QueuedMessage> messages) {
        out.printf("%-24s %-8s %6s %8s  %s%n", "ID", "STATE", "AGE", "ATTEMPTS", "SENDER -> RECIPIENTS");
        for (QueuedMessage message : messages) {
            out.printf("%-24s %-8s %6s %8d  <%s> -> %s%n", message.queueId(), message.state().directoryName(),
                    age(message.age()), message.attempts(), message.sender(),
                    String.join(", ", message.pendingRecipients()));
            if (message.lastError() != null) {
                out.println("    last error: " + message.lastError());
            }
        }
        out.println(messages.size() + (messages.size() == 1 ? " message" : " messages"));
        out.flush();
    }

    static String age(Duration age) {
        long minutes = age.toMinutes();
        return minutes < 60 ? minutes + "m" : minutes < 2880 ? age.toHours() + "h" : age.toDays() + "d";
    }
}
