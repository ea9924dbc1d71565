package io.mailpipe.camel.mx;

import io.mailpipe.delivery.DeliveryReport;
import io.mailpipe.delivery.RecipientOutcome;
import io.mailpipe.smtp.Envelope;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.camel.Message;

/**
 * Reads the envelope of an exchange for delivery (RFC 5321 §2.3.1) from the headers of {@link MxConstants}: the
 * typed envelope when present, else the reverse-path and recipient list; recipients already delivered, or bounced
 * by an earlier attempt, are left out.
 */
public final class DeliveryEnvelope {

    private DeliveryEnvelope() {
    }

    static Envelope read(Message message) {
        Envelope envelope = ofHeaders(message);
        Set<String> done = delivered(message);
        DeliveryReport earlier = message.getHeader(MxConstants.DELIVERY_REPORT, DeliveryReport.class);
        if (earlier != null) {
            earlier.with(RecipientOutcome.PERMANENT).forEach(r -> done.add(r.recipient().toLowerCase(Locale.ROOT)));
        }
        List<Recipient> pending = envelope.recipients().stream()
                .filter(r -> !done.contains(r.address().toLowerCase(Locale.ROOT))).toList();
        return new Envelope(envelope.mailFrom(), pending);
    }

    /** The envelope the headers carry, recipients already done included; fails when they carry neither form. */
    public static Envelope ofHeaders(Message message) {
        Envelope typed = message.getHeader(MxConstants.ENVELOPE, Envelope.class);
        return typed != null ? typed : fromPlainHeaders(message);
    }

    private static Envelope fromPlainHeaders(Message message) {
        String from = message.getHeader(MxConstants.MAIL_FROM, String.class);
        if (from == null) {
            throw new IllegalArgumentException("a delivery step needs the " + MxConstants.MAIL_FROM + " or "
                    + MxConstants.ENVELOPE + " header");
        }
        List<Recipient> recipients = addresses(message.getHeader(MxConstants.RCPT_TO)).stream()
                .map(a -> new Recipient(a, Set.of(), null)).toList();
        return new Envelope(new MailFrom(from, OptionalLong.empty(), MailFrom.BodyType.SEVEN_BIT, false, null, null),
                recipients);
    }

    /** The lower-cased addresses of the delivered-recipients header. */
    static Set<String> delivered(Message message) {
        Set<String> out = new LinkedHashSet<>();
        addresses(message.getHeader(MxConstants.DELIVERED_RECIPIENTS)).forEach(a -> out.add(a.toLowerCase(Locale.ROOT)));
        return out;
    }

    /** A header holding a collection of addresses or one comma-separated string, as a list. */
    static List<String> addresses(Object header) {
        List<String> out = new ArrayList<>();
        if (header instanceof Collection<?> values) {
            values.forEach(v -> out.add(String.valueOf(v).trim()));
        } else if (header != null) {
            Arrays.stream(header.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
        }
        return out;
    }
}
