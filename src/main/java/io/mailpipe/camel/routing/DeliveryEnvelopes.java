package io.mailpipe.camel.routing;

import io.mailpipe.camel.smtpd.SmtpdConstants;
import io.mailpipe.smtp.Envelope;
import io.mailpipe.smtp.Recipient;
import org.apache.camel.Message;

/**
 * Writes the envelope (RFC 5321 §2.3.1) of a message handed to a delivery step into the headers the queue consumers
 * set: the typed {@code MailpipeEnvelope} and {@code MailpipeMailFrom} with {@code MailpipeRcptTo}, so any delivery
 * endpoint sees the same recipients. {@link io.mailpipe.camel.mx.DeliveryEnvelope#ofHeaders} reads them back.
 */
public final class DeliveryEnvelopes {

    private DeliveryEnvelopes() {
    }

    /** Replaces the envelope headers of {@code message} with {@code envelope}. */
    public static void write(Message message, Envelope envelope) {
        message.setHeader(SmtpdConstants.ENVELOPE, envelope);
        message.setHeader(SmtpdConstants.MAIL_FROM, envelope.mailFrom().reversePath());
        message.setHeader(SmtpdConstants.RCPT_TO, envelope.recipients().stream().map(Recipient::address).toList());
    }
}
