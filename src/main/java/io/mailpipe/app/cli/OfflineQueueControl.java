package io.mailpipe.app.cli;

import io.mailpipe.queue.AttemptResolver;
import io.mailpipe.queue.BounceNotices;
import io.mailpipe.queue.JsonLinesEventLog;
import io.mailpipe.queue.QueueLifetime;
import io.mailpipe.queue.RetrySchedule;
import io.mailpipe.queue.spool.Spool;
import io.mailpipe.queue.spool.SpoolBounceSink;
import io.mailpipe.queue.spool.SpoolLockedException;
import io.mailpipe.queue.spool.SpoolOutcomes;
import io.mailpipe.queue.spool.SpoolSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;

/**
 * The queue control operations (retry now, bounce, delete; like Postfix's postqueue -i and postsuper -d) on a spool
 * that no running mailpipe owns: takes the spool's lock, recovers it as a start would, and applies each operation
 * durably with the queue's own {@link SpoolOutcomes}. An operator's bounce queues its failure report (RFC 3464) in
 * the same spool and records the outcome in the event log, as the running queue does.
 */
final class OfflineQueueControl implements AutoCloseable {

    private static final long EVENT_LOG_MAX_BYTES = 10L * 1024 * 1024;
    private static final int EVENT_LOG_KEEP = 5;

    private final Spool spool;
    private final JsonLinesEventLog events;
    private final SpoolOutcomes outcomes;

    private OfflineQueueControl(Spool spool, JsonLinesEventLog events, String reportingMta) {
        this.spool = spool;
        this.events = events;
        AttemptResolver resolver = new AttemptResolver(RetrySchedule.DEFAULT, QueueLifetime.DEFAULT, spool.clock(),
                new Random());
        this.outcomes = new SpoolOutcomes(spool, resolver, new BounceNotices(new SpoolBounceSink(spool,
                reportingMta)), events);
    }

    /** Opens the spool at {@code directory}; fails with status 1 when a running mailpipe holds its lock. */
    static OfflineQueueControl open(Path directory, SpoolSettings settings, Path eventLog, String reportingMta)
            throws IOException, CommandFailure {
        if (!Files.isDirectory(directory)) {
            throw CommandFailure.usage("no spool directory " + directory);
        }
        Spool spool;
        try {
            spool = Spool.open(directory, settings, Clock.systemUTC());
        } catch (SpoolLockedException locked) {
            throw new CommandFailure(ExitCodes.NEGATIVE, locked.getMessage() + ": a running mailpipe owns it."
                    + " Stop mailpipe first, or use the running server's queue control; 'mailpipe queue list' and"
                    + " 'queue counts' work while it runs.");
        }
        try {
            return new OfflineQueueControl(spool, new JsonLinesEventLog(eventLog, EVENT_LOG_MAX_BYTES,
                    EVENT_LOG_KEEP), reportingMta);
        } catch (IOException | RuntimeException e) {
            spool.close();
            throw e;
        }
    }

    /** Makes a deferred message due now, recorded in its file; false when it is not deferred. */
    boolean retry(String queueId) throws IOException {
        return spool.retryNowRecorded(queueId);
    }

    /** Bounces every pending recipient with a failure report to the sender; false when there is no such message. */
    boolean bounce(String queueId) throws IOException {
        return outcomes.bounce(queueId);
    }

    /** Deletes the message without any report; false when there is no such message. */
    boolean delete(String queueId) throws IOException {
        return spool.delete(queueId);
    }

    @Override
    public void close() throws IOException {
        try {
            events.close();
        } finally {
            spool.close();
        }
    }
}
