package io.mailpipe.queue.spool;

import io.mailpipe.queue.BounceReason;
import io.mailpipe.queue.BounceSink;
import io.mailpipe.queue.QueueRecord;
import io.mailpipe.queue.RecipientState;
import io.mailpipe.queue.dsn.FailureReports;
import io.mailpipe.smtp.MessageBytes;
import io.mailpipe.smtp.server.SortableQueueIdGenerator;

import java.util.List;
import java.util.Optional;

/**
 * A bounce sink that queues each failure report (RFC 3464, from the null reverse-path to the original sender, RFC 5321
 * §4.5.5) straight into a {@link Spool}, durably, as a new message: what the shipped {@code direct:enqueue} route of
 * the spool back-end does, for control operations run without the Camel routes (the command line while mailpipe is
 * stopped). The report is delivered by the next process that delivers from the spool.
 */
public final class SpoolBounceSink implements BounceSink {

    private final Spool spool;
    private final String reportingMta;
    private final SortableQueueIdGenerator queueIds = new SortableQueueIdGenerator();

    public SpoolBounceSink(Spool spool, String reportingMta) {
        this.spool = spool;
        this.reportingMta = reportingMta;
    }

    @Override
    public void bounce(QueueRecord message, MessageBytes body, List<RecipientState> failed, BounceReason reason)
            throws Exception {
        Optional<byte[]> report = FailureReports.render(reportingMta, message, body, failed);
        if (report.isEmpty()) {
            return;
        }
        QueueRecord record = QueueRecord.accepted(queueIds.get(), spool.clock().instant(),
                FailureReports.nullReversePath(), List.of(FailureReports.reportRecipient(message)), null, null);
        spool.store(record, MessageBytes.of(report.get()));
    }

}
