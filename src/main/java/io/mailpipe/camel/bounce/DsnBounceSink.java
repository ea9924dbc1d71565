package io.mailpipe.camel.bounce;

import io.mailpipe.camel.smtpd.SmtpdConstants;
import io.mailpipe.camel.support.RawMessage;
import io.mailpipe.queue.BounceReason;
import io.mailpipe.queue.BounceSink;
import io.mailpipe.queue.QueueRecord;
import io.mailpipe.queue.RecipientState;
import io.mailpipe.queue.dsn.FailureReports;
import io.mailpipe.smtp.Envelope;
import io.mailpipe.smtp.MessageBytes;
import io.mailpipe.smtp.server.SortableQueueIdGenerator;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

import java.util.List;
import java.util.Optional;

/**
 * Tells senders about the recipients the queue gave up on: builds the RFC 3464 delivery status notification for them
 * and queues it like any other message, from the null reverse-path to the original sender (RFC 5321 §4.5.5, §6.1;
 * RFC 3461 §6). The queue calls this only when a report is due; a failure to queue the report is thrown back, so the
 * queue keeps the original message and tries again rather than losing the report.
 */
public class DsnBounceSink implements BounceSink, CamelContextAware {

    private final SortableQueueIdGenerator queueIds = new SortableQueueIdGenerator();
    private CamelContext camelContext;
    private ProducerTemplate producer;
    private String endpointUri = "direct:enqueue";
    private String reportingMta = "localhost";

    @Override
    public void bounce(QueueRecord message, MessageBytes body, List<RecipientState> failed, BounceReason reason)
            throws Exception {
        Optional<byte[]> report = FailureReports.render(reportingMta, message, body, failed);
        if (report.isEmpty()) {
            return;
        }
        Exchange done = template().send(endpointUri, notification(message, report.get()));
        if (done.getException() != null) {
            throw done.getException();
        }
    }

    /** The report as a new message with its own queue id, from {@code <>} to the original sender. */
    private Exchange notification(QueueRecord message, byte[] dsn) {
        Exchange exchange = new DefaultExchange(camelContext);
        String sender = message.mailFrom().reversePath();
        Envelope envelope = new Envelope(FailureReports.nullReversePath(),
                List.of(FailureReports.reportRecipient(message)));
        exchange.getMessage().setBody(RawMessage.of(dsn));
        exchange.getMessage().setHeader(SmtpdConstants.QUEUE_ID, queueIds.get());
        exchange.getMessage().setHeader(SmtpdConstants.ENVELOPE, envelope);
        exchange.getMessage().setHeader(SmtpdConstants.MAIL_FROM, "");
        exchange.getMessage().setHeader(SmtpdConstants.RCPT_TO, List.of(sender));
        return exchange;
    }

    private synchronized ProducerTemplate template() {
        if (producer == null) {
            producer = camelContext.createProducerTemplate();
        }
        return producer;
    }

    /** Where reports are queued: the queue's own entry point, so they are stored and delivered like any message. */
    public void setEndpointUri(String endpointUri) {
        this.endpointUri = endpointUri;
    }

    /** This MTA's name in the Reporting-MTA field (RFC 3464 §2.2.2). */
    public void setReportingMta(String reportingMta) {
        this.reportingMta = reportingMta;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }
}
