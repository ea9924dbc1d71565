package io.mailpipe.camel.bounce;

import io.mailpipe.camel.smtpd.SmtpdConstants;
import io.mailpipe.camel.support.RawMessage;
import io.mailpipe.delivery.RecipientOutcome;
import io.mailpipe.delivery.RecipientResult;
import io.mailpipe.queue.BounceReason;
import io.mailpipe.queue.BounceSink;
import io.mailpipe.queue.MessageBody;
import io.mailpipe.queue.QueueRecord;
import io.mailpipe.queue.RecipientState;
import io.mailpipe.queue.dsn.DsnBuilder;
import io.mailpipe.queue.dsn.DsnRequest;
import io.mailpipe.smtp.Envelope;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;
import io.mailpipe.smtp.SmtpReply;
import io.mailpipe.smtp.server.SortableQueueIdGenerator;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Tells senders about the recipients the queue gave up on: builds the RFC 3464 delivery status notification for them
 * and queues it like any other message, from the null reverse-path to the original sender (RFC 5321 §4.5.5, §6.1;
 * RFC 3461 §6). The queue calls this only when a report is due; a failure to queue the report is thrown back, so the
 * queue keeps the original message and tries again rather than losing the report.
 */
public class DsnBounceSink implements BounceSink, CamelContextAware {

    private static final SmtpReply EXPIRED_UNTRIED = SmtpReply.of(451, "4.4.7", "delivery time expired");

    private final SortableQueueIdGenerator queueIds = new SortableQueueIdGenerator();
    private CamelContext camelContext;
    private ProducerTemplate producer;
    private String endpointUri = "direct:enqueue";
    private String reportingMta = "localhost";

    @Override
    public void bounce(QueueRecord message, MessageBody body, List<RecipientState> failed, BounceReason reason)
            throws Exception {
        DsnRequest request = new DsnRequest(reportingMta, message.mailFrom(),
                message.recipients().stream().map(RecipientState::recipient).toList(),
                failed.stream().map(DsnBounceSink::failure).toList(), message.receivedAt());
        if (!request.isRequired()) {
            return;
        }
        Exchange exchange = notification(message.mailFrom().reversePath(), render(request, body));
        Exchange done = template().send(endpointUri, exchange);
        if (done.getException() != null) {
            throw done.getException();
        }
    }

    /** Every given-up recipient as a permanent failure with its last reply (expired ones too, RFC 3464 §2.3.3). */
    private static RecipientResult failure(RecipientState state) {
        SmtpReply reply = state.lastReply() != null ? state.lastReply() : EXPIRED_UNTRIED;
        return new RecipientResult(state.address(), RecipientOutcome.PERMANENT, reply, state.mxHost(), null);
    }

    private static byte[] render(DsnRequest request, MessageBody body) throws IOException {
        ByteArrayOutputStream dsn = new ByteArrayOutputStream();
        try (InputStream original = body.open()) {
            DsnBuilder.write(request, original, dsn);
        }
        return dsn.toByteArray();
    }

    /** The report as a new message with its own queue id, from {@code <>} to the original sender. */
    private Exchange notification(String sender, byte[] dsn) {
        Exchange exchange = new DefaultExchange(camelContext);
        Envelope envelope = new Envelope(
                new MailFrom("", OptionalLong.empty(), MailFrom.BodyType.EIGHT_BIT_MIME, false, null, null),
                List.of(new Recipient(sender, Set.of(), null)));
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
