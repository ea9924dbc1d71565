package io.mailpipe.camel.mx;

import io.mailpipe.camel.support.RawMessage;
import io.mailpipe.camel.support.RawMessages;
import io.mailpipe.delivery.DeliveryException;
import io.mailpipe.delivery.DeliveryReport;
import io.mailpipe.queue.dsn.DsnBuilder;
import io.mailpipe.queue.dsn.DsnRequest;
import io.mailpipe.smtp.Envelope;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Turns a failed delivery into its bounce (RFC 3464 DSN) for a YAML bounce route: declare it as a bean with a
 * {@code reportingMta} name and call it with {@code process: {ref: …}} in an {@code onException} for
 * PermanentDeliveryException. It reads the delivery report (from the caught exception, else the
 * MailpipeDeliveryReport header) and the original envelope, and, when a DSN is due, replaces the body with the DSN
 * and the envelope with the null reverse-path and the original sender as only recipient (the delivery headers of
 * the failed message are removed: the DSN is a new message), so the next step can be {@code mx:}. When no DSN is due (null sender, NOTIFY without FAILURE) it leaves the exchange alone. Either way
 * it sets MailpipeDsnRequired.
 */
public class DsnProcessor implements Processor {

    private String reportingMta = "localhost";

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        DeliveryReport report = report(exchange);
        Envelope envelope = originalEnvelope(message);
        Instant arrival = message.getHeader(MxConstants.RECEIVED_AT, Instant.class);
        DsnRequest request = new DsnRequest(reportingMta, envelope.mailFrom(), envelope.recipients(),
                report == null ? List.of() : report.results(), arrival == null ? Instant.now() : arrival);
        if (!request.isRequired()) {
            message.setHeader(MxConstants.DSN_REQUIRED, false);
            return;
        }
        ByteArrayOutputStream dsn = new ByteArrayOutputStream();
        try (InputStream original = RawMessages.body(exchange).open()) {
            DsnBuilder.write(request, original, dsn);
        }
        String sender = envelope.mailFrom().reversePath();
        message.setBody(RawMessage.of(dsn.toByteArray()));
        message.setHeader(MxConstants.MAIL_FROM, "");
        message.setHeader(MxConstants.RCPT_TO, List.of(sender));
        message.setHeader(MxConstants.ENVELOPE, new Envelope(
                new MailFrom("", OptionalLong.empty(), MailFrom.BodyType.EIGHT_BIT_MIME, false, null, null),
                List.of(new Recipient(sender, Set.of(), null))));
        message.removeHeader(MxConstants.DELIVERED_RECIPIENTS);
        message.removeHeader(MxConstants.PENDING_RECIPIENTS);
        message.removeHeader(MxConstants.DELIVERY_REPORT);
        message.setHeader(MxConstants.DSN_REQUIRED, true);
    }

    private static DeliveryReport report(Exchange exchange) {
        DeliveryException caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, DeliveryException.class);
        if (caught == null) {
            caught = exchange.getException(DeliveryException.class);
        }
        return caught != null ? caught.report()
                : exchange.getMessage().getHeader(MxConstants.DELIVERY_REPORT, DeliveryReport.class);
    }

    private static Envelope originalEnvelope(Message message) {
        Envelope typed = message.getHeader(MxConstants.ENVELOPE, Envelope.class);
        if (typed != null) {
            return typed;
        }
        String from = message.getHeader(MxConstants.MAIL_FROM, "", String.class);
        List<Recipient> recipients = DeliveryEnvelope.addresses(message.getHeader(MxConstants.RCPT_TO)).stream()
                .map(a -> new Recipient(a, Set.of(), null)).toList();
        return new Envelope(new MailFrom(from, OptionalLong.empty(), MailFrom.BodyType.SEVEN_BIT, false, null, null),
                recipients);
    }

    public String getReportingMta() {
        return reportingMta;
    }

    /** The host name that reports the failure (Reporting-MTA, the From address's domain). */
    public void setReportingMta(String reportingMta) {
        this.reportingMta = reportingMta;
    }
}
