package io.mailpipe.queue.dsn;

import io.mailpipe.delivery.RecipientResult;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;
import io.mailpipe.smtp.SmtpReply;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Builds a non-delivery report as an RFC 3464 delivery status notification: a multipart/report (RFC 6522) with a
 * human-readable part, a message/delivery-status part (per-message fields of §2.2, per-recipient fields of §2.3,
 * Diagnostic-Code of type smtp) and the returned content — the whole message as message/rfc822 when RET=FULL was
 * asked, else only its header as text/rfc822-headers (RFC 3461 §4.3 lets the MTA choose when RET is absent). The
 * original message is streamed, never held whole. The report is sent from the null reverse-path (RFC 3461 §6.1).
 */
public final class DsnBuilder {

    private static final DateTimeFormatter RFC5322_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private DsnBuilder() {
    }

    /**
     * Writes the DSN for {@code request} to {@code out}, reading the original message from {@code original}.
     *
     * @throws IllegalStateException when no DSN is due (see {@link DsnRequest#isRequired()})
     */
    public static void write(DsnRequest request, InputStream original, OutputStream out) throws IOException {
        List<RecipientResult> failures = request.reportableFailures();
        if (failures.isEmpty()) {
            throw new IllegalStateException("no DSN is due: null sender or no recipient asked for failure notices");
        }
        String boundary = "=_mailpipe_" + UUID.randomUUID();
        boolean full = request.originalFrom().ret() == MailFrom.DsnReturn.FULL;
        write(out, header(request, boundary));
        write(out, "--" + boundary + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n" + humanReadable(request, failures) + "\r\n");
        write(out, "--" + boundary + "\r\nContent-Type: message/delivery-status\r\n\r\n"
                + deliveryStatus(request, failures) + "\r\n");
        write(out, "--" + boundary + "\r\nContent-Type: " + (full ? "message/rfc822" : "text/rfc822-headers")
                + "\r\n\r\n");
        if (full) {
            original.transferTo(out);
        } else {
            OriginalHeader.copy(original, out);
        }
        write(out, "\r\n--" + boundary + "--\r\n");
    }

    private static String header(DsnRequest request, String boundary) {
        String date = RFC5322_DATE.format(java.time.ZonedDateTime.now(ZoneOffset.UTC));
        return "From: Mail Delivery System <MAILER-DAEMON@" + request.reportingMta() + ">\r\n"
                + "To: <" + request.originalFrom().reversePath() + ">\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\n"
                + "Date: " + date + "\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@" + request.reportingMta() + ">\r\n"
                + "Auto-Submitted: auto-replied\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status;\r\n"
                + "\tboundary=\"" + boundary + "\"\r\n\r\n"
                + "This is a MIME-encapsulated delivery status notification.\r\n\r\n";
    }

    private static String humanReadable(DsnRequest request, List<RecipientResult> failures) {
        StringBuilder text = new StringBuilder("This is the mail system at ").append(request.reportingMta())
                .append(".\r\n\r\nYour message could not be delivered to the following recipients; ")
                .append("the delivery failed permanently:\r\n\r\n");
        for (RecipientResult r : failures) {
            text.append("<").append(r.recipient()).append(">");
            if (r.mxHost() != null) {
                text.append(" (host ").append(r.mxHost());
                if (r.mxAddress() != null) {
                    text.append('[').append(r.mxAddress()).append(']');
                }
                text.append(" said)");
            }
            text.append(": ").append(oneLine(r.reply())).append("\r\n");
        }
        return text.toString();
    }

    private static String deliveryStatus(DsnRequest request, List<RecipientResult> failures) {
        StringBuilder status = new StringBuilder("Reporting-MTA: dns; ").append(request.reportingMta())
                .append("\r\n");
        if (request.originalFrom().envelopeId() != null) {
            status.append("Original-Envelope-Id: ").append(DsnFields.clean(request.originalFrom().envelopeId()))
                    .append("\r\n");
        }
        status.append("Arrival-Date: ").append(RFC5322_DATE.format(request.arrivalDate().atZone(ZoneOffset.UTC)))
                .append("\r\n");
        for (RecipientResult r : failures) {
            status.append("\r\n");
            Recipient recipient = request.recipient(r.recipient());
            if (recipient.originalRecipient() != null) {
                status.append("Original-Recipient: ").append(DsnFields.addressField(recipient.originalRecipient()))
                        .append("\r\n");
            }
            status.append("Final-Recipient: ").append(DsnFields.addressField(r.recipient())).append("\r\n")
                    .append("Action: failed\r\n")
                    .append("Status: ").append(r.reply().enhancedStatus()).append("\r\n");
            if (r.mxHost() != null) {
                status.append("Remote-MTA: dns; ").append(r.mxHost()).append("\r\n");
            }
            status.append("Diagnostic-Code: smtp; ").append(DsnFields.clean(oneLine(r.reply()))).append("\r\n");
        }
        return status.toString();
    }

    private static String oneLine(SmtpReply reply) {
        return reply.code() + " " + reply.enhancedStatus() + " " + String.join(" ", reply.lines());
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
