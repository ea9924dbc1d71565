package io.mailpipe.app.cli;

import io.mailpipe.queue.spool.QueuedMessage;
import io.mailpipe.queue.spool.SpoolListing;
import io.mailpipe.queue.spool.SpoolSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mailpipe queue}: inspection of the embedded spool ({@code list}, {@code counts}, read-only while mailpipe
 * runs) and the control operations {@code retry}, {@code bounce} and {@code delete} (like Postfix's postqueue -i and
 * postsuper -d), which need the spool's lock and so refuse, with status 1, while a running mailpipe owns it.
 */
@Command(name = "queue", mixinStandardHelpOptions = true, description = "Inspect and control the spool.",
        subcommands = {QueueListCommand.class, QueueCountsCommand.class})
final class QueueCommand {

    private final CliStreams streams;

    QueueCommand(CliStreams streams) {
        this.streams = streams;
    }

    /** The options of the control operations: the spool, and for bounces the report's MTA name and the event log. */
    static final class ControlOptions {

        @Mixin
        SpoolOptions spool;

        @Option(names = "--segment-size", paramLabel = "BYTES",
                defaultValue = "${env:MAILPIPE_SPOOL_SEGMENT_SIZE:-67108864}",
                description = "Journal segment size, as mailpipe.spool.segment-size (default: ${DEFAULT-VALUE}).")
        long segmentSize;

        @Option(names = "--event-log", paramLabel = "FILE",
                defaultValue = "${env:MAILPIPE_QUEUE_EVENT_LOG:-data/events.log}",
                description = "Delivery event log to append to (default: ${DEFAULT-VALUE}).")
        Path eventLog;

        @Option(names = "--reporting-mta", paramLabel = "NAME", defaultValue = "${env:SMTPD_SERVER_NAME:-localhost}",
                description = "Reporting-MTA of failure reports (default: ${DEFAULT-VALUE}).")
        String reportingMta;
    }

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = "Make a deferred message due now (needs mailpipe stopped).")
    int retry(@Mixin ControlOptions options, @Parameters(paramLabel = "ID", description = "Queue id.") String id)
            throws Exception {
        try (OfflineQueueControl control = open(options)) {
            return done(control.retry(id), id + ": due now", id + " is not a deferred message");
        }
    }

    @Command(name = "bounce", mixinStandardHelpOptions = true,
            description = "Fail every pending recipient of a message and report it to the sender (RFC 3464;"
                    + " needs mailpipe stopped).")
    int bounce(@Mixin ControlOptions options, @Parameters(paramLabel = "ID", description = "Queue id.") String id)
            throws Exception {
        try (OfflineQueueControl control = open(options)) {
            return done(control.bounce(id), id + ": bounced", "no message " + id + " in the spool");
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a message without any report (needs mailpipe stopped).")
    int delete(@Mixin ControlOptions options, @Parameters(paramLabel = "ID", description = "Queue id.") String id)
            throws Exception {
        try (OfflineQueueControl control = open(options)) {
            return done(control.delete(id), id + ": deleted", "no message " + id + " in the spool");
        }
    }

    /** Every message file of the spool at {@code directory}, read without its lock. */
    static List<QueuedMessage> readSpool(Path directory) throws IOException, CommandFailure {
        if (!Files.isDirectory(directory)) {
            throw CommandFailure.usage("no spool directory " + directory);
        }
        return SpoolListing.read(directory, Instant.now());
    }

    private static OfflineQueueControl open(ControlOptions options) throws IOException, CommandFailure {
        SpoolSettings settings;
        try {
            settings = new SpoolSettings(options.segmentSize);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage("bad --segment-size: " + e.getMessage());
        }
        return OfflineQueueControl.open(options.spool.directory, settings, options.eventLog, options.reportingMta);
    }

    private int done(boolean applied, String success, String failure) throws CommandFailure {
        if (!applied) {
            throw new CommandFailure(ExitCodes.NEGATIVE, failure);
        }
        streams.out().println(success);
        streams.out().flush();
        return ExitCodes.OK;
    }
}
