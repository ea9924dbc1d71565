package io.mailpipe.camel.mx;

import io.mailpipe.camel.observe.DeliveryAttemptLog;
import io.mailpipe.camel.observe.MessageIds;
import io.mailpipe.camel.support.MessageTagHeaders;
import io.mailpipe.camel.support.RawMessage;
import io.mailpipe.camel.support.RawMessages;
import io.mailpipe.delivery.DeliveryReport;
import io.mailpipe.delivery.MxDelivery;
import io.mailpipe.delivery.PermanentDeliveryException;
import io.mailpipe.delivery.RecipientOutcome;
import io.mailpipe.delivery.RecipientResult;
import io.mailpipe.delivery.TransientDeliveryException;
import io.mailpipe.queue.MessageTags;
import io.mailpipe.smtp.Envelope;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Delivers one exchange asynchronously: reads the pending envelope, hands the raw message to the delivery engine
 * and, when the report arrives, records it in the headers of {@link MxConstants} and completes the exchange on a
 * callback thread — success when every recipient was delivered, else a TransientDeliveryException (any recipient
 * may still succeed: 4xx, connection or DNS failure) or a PermanentDeliveryException (all others failed for good).
 */
final class MxProducer extends DefaultAsyncProducer {

    /** Set by the queue consumers: the queue id, and how many attempts were made before this one. */
    private static final String QUEUE_ID_HEADER = "MailpipeQueueId";
    private static final String ATTEMPTS_HEADER = "MailpipeAttempts";

    private final MxDelivery delivery;
    private final Executor callbacks;

    MxProducer(MxEndpoint endpoint, MxDelivery delivery, Executor callbacks) {
        super(endpoint);
        this.delivery = delivery;
        this.callbacks = callbacks;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Envelope envelope;
        RawMessage body;
        try {
            envelope = DeliveryEnvelope.read(exchange.getMessage());
            body = RawMessages.body(exchange);
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (envelope.recipients().isEmpty()) {
            exchange.getMessage().setHeader(MxConstants.DELIVERY_REPORT, new DeliveryReport(List.of()));
            exchange.getMessage().setHeader(MxConstants.PENDING_RECIPIENTS, List.of());
            callback.done(true);
            return true;
        }
        MessageTags tags = MessageTagHeaders.read(exchange.getMessage());
        delivery.deliver(envelope.mailFrom(), envelope.recipients(), body, tags.tenant(), tags.campaign())
                .whenCompleteAsync((report, error) -> {
                    try {
                        if (error != null) {
                            exchange.setException(error);
                        } else {
                            logAttempt(exchange, body, report);
                            complete(exchange, report);
                        }
                    } finally {
                        callback.done(false);
                    }
                }, callbacks);
        return false;
    }

    /** The attempt's line in the delivery log: the queue's headers tell queue id and attempts made before. */
    private static void logAttempt(Exchange exchange, RawMessage body, DeliveryReport report) {
        Message message = exchange.getMessage();
        Integer before = message.getHeader(ATTEMPTS_HEADER, Integer.class);
        String messageId;
        try (InputStream in = new BufferedInputStream(body.open())) {
            messageId = MessageIds.read(in);
        } catch (IOException | RuntimeException e) {
            messageId = null;
        }
        DeliveryAttemptLog.log(new DeliveryAttemptLog.Attempt(message.getHeader(QUEUE_ID_HEADER, String.class),
                messageId, before == null ? null : before + 1), report);
    }

    private static void complete(Exchange exchange, DeliveryReport attempt) {
        Message message = exchange.getMessage();
        DeliveryReport report = attempt.mergedInto(message.getHeader(MxConstants.DELIVERY_REPORT,
                DeliveryReport.class));
        List<String> delivered = new ArrayList<>(DeliveryEnvelope.addresses(
                message.getHeader(MxConstants.DELIVERED_RECIPIENTS)));
        attempt.with(RecipientOutcome.DELIVERED).forEach(r -> delivered.add(r.recipient()));
        message.setHeader(MxConstants.DELIVERED_RECIPIENTS, delivered);
        message.setHeader(MxConstants.PENDING_RECIPIENTS, report.pendingRecipients());
        message.setHeader(MxConstants.DELIVERY_REPORT, report);
        if (report.allDelivered()) {
            return;
        }
        List<RecipientResult> transients = report.with(RecipientOutcome.TRANSIENT);
        if (!transients.isEmpty()) {
            exchange.setException(new TransientDeliveryException(summary("deferred", transients), report));
        } else {
            exchange.setException(new PermanentDeliveryException(
                    summary("failed", report.with(RecipientOutcome.PERMANENT)), report));
        }
    }

    private static String summary(String what, List<RecipientResult> results) {
        StringBuilder text = new StringBuilder("delivery ").append(what).append(" for ").append(results.size())
                .append(" recipient(s):");
        results.stream().limit(5).forEach(r -> text.append(" <").append(r.recipient()).append("> ")
                .append(r.reply().code()).append(' ').append(r.reply().enhancedStatus()).append(' ')
                .append(String.join(" ", r.reply().lines())).append(';'));
        return text.toString();
    }
}
