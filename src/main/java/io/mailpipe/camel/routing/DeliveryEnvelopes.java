package io.mailpipe.camel.routing;

import io.mailpipe.camel.smtpd.SmtpdConstants;
import io.mailpipe.smtp.Envelope;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;
import org.apache.camel.Message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The envelope (RFC 5321 §2.3.1) of a message handed to a delivery step, read from and written to the headers the
 * queue consumers set: the typed {@code MailpipeEnvelope} when present, else {@code MailpipeMailFrom} with
 * {@code MailpipeRcptTo}. Writing sets both forms, so any delivery endpoint sees the same recipients.
 */
public final class DeliveryEnvelopes {

    private DeliveryEnvelopes() {
    }

    /** The envelope of {@code message}; fails when it carries neither form. */
    public static Envelope read(Message message) {
        Envelope typed = message.getHeader(SmtpdConstants.ENVELOPE, Envelope.class);
        if (typed != null) {
            return typed;
        }
        String from = message.getHeader(SmtpdConstants.MAIL_FROM, String.class);
        if (from == null) {
            throw new IllegalArgumentException("a delivery step needs the " + SmtpdConstants.ENVELOPE + " or "
                    + SmtpdConstants.MAIL_FROM + " header");
        }
        List<Recipient> recipients = addresses(message.getHeader(SmtpdConstants.RCPT_TO)).stream()
                .map(a -> new Recipient(a, Set.of(), null)).toList();
        return new Envelope(new MailFrom(from, OptionalLong.empty(), MailFrom.BodyType.SEVEN_BIT, false, null, null),
                recipients);
    }

    /** Replaces the envelope headers of {@code message} with {@code envelope}. */
    public static void write(Message message, Envelope envelope) {
        message.setHeader(SmtpdConstants.ENVELOPE, envelope);
        message.setHeader(SmtpdConstants.MAIL_FROM, envelope.mailFrom().reversePath());
        message.setHeader(SmtpdConstants.RCPT_TO, envelope.recipients().stream().map(Recipient::address).toList());
    }

    private static List<String> addresses(Object header) {
        List<String> out = new ArrayList<>();
        if (header instanceof Collection<?> values) {
            values.forEach(v -> out.add(String.valueOf(v).trim()));
        } else if (header != null) {
            Arrays.stream(header.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
        }
        return out;
    }
}
