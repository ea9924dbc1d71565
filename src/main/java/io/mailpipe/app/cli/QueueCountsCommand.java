package io.mailpipe.app.cli;

import io.mailpipe.queue.spool.QueuedMessage;
import io.mailpipe.queue.spool.SpoolListing;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mailpipe queue counts}: how many messages each spool state holds (incoming, active, deferred, dead) and
 * how many pending recipients each destination domain has, like {@code qshape}. Read-only, so it works while
 * mailpipe runs.
 */
@Command(name = "counts", mixinStandardHelpOptions = true,
        description = "Count spooled messages per state and pending recipients per domain (read-only).")
final class QueueCountsCommand implements Callable<Integer> {

    private final CliStreams streams;

    @Mixin
    SpoolOptions spool;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    QueueCountsCommand(CliStreams streams) {
        this.streams = streams;
    }

    /** What {@code --json} prints. */
    record CountsReport(String spool, int messages, Map<String, Integer> states, Map<String, Integer> domains) {
    }

    @Override
    public Integer call() throws Exception {
        List<QueuedMessage> messages = QueueCommand.readSpool(spool.directory);
        Map<String, Integer> states = new LinkedHashMap<>();
        SpoolListing.counts(messages).forEach((state, count) -> states.put(state.directoryName(), count));
        Map<String, Integer> domains = SpoolListing.pendingByDomain(messages);
        if (json) {
            JsonOutput.write(streams.out(), new CountsReport(spool.directory.toString(), messages.size(), states,
                    domains));
        } else {
            printText(streams.out(), messages.size(), states, domains);
        }
        return ExitCodes.OK;
    }

    private static void printText(PrintStream out, int total, Map<String, Integer> states,
            Map<String, Integer> domains) {
        states.forEach((state, count) -> out.printf("%-10s %6d%n", state, count));
        out.printf("%-10s %6d%n", "total", total);
        if (!domains.isEmpty()) {
            out.println("pending recipients by domain:");
            domains.forEach((domain, count) -> out.printf("  %-30s %6d%n", domain, count));
        }
        out.flush();
    }
}
