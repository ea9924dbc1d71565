package io.mailpipe.camel.mx;

import org.apache.camel.spi.Metadata;

/**
 * The exchange headers the {@code mx:} producer reads and writes, each documented once here.
 *
 * <p>Retry contract: the producer delivers to the envelope recipients (from {@link #ENVELOPE}, else {@link #RCPT_TO}
 * with {@link #MAIL_FROM}) minus those named in {@link #DELIVERED_RECIPIENTS} and minus those that already failed
 * permanently in the {@link #DELIVERY_REPORT} of an earlier attempt. After every attempt — successful or not — it
 * adds the recipients it has just delivered to {@link #DELIVERED_RECIPIENTS} and merges this attempt's results into
 * {@link #DELIVERY_REPORT}. A retry step that sends the same exchange (or a copy with its headers) to {@code mx:}
 * again therefore never delivers a recipient twice and never retries a bounced one; the exception is raised on the
 * merged report, so the bounce (PermanentDeliveryException) comes once no recipient is pending any more.
 */
public final class MxConstants {

    @Metadata(label = "producer", description = "The reverse-path (MAIL FROM) without angle brackets; empty for the null sender. Read when MailpipeEnvelope is absent.",
              javaType = "String", important = true)
    public static final String MAIL_FROM = "MailpipeMailFrom";
    @Metadata(label = "producer", description = "The envelope recipients (a list, or one comma-separated string). Read when MailpipeEnvelope is absent.",
              javaType = "java.util.List<String>", important = true)
    public static final String RCPT_TO = "MailpipeRcptTo";
    @Metadata(label = "producer", description = "The typed envelope as the smtpd: consumer sets it: MAIL parameters (BODY, SMTPUTF8, RET, ENVID) and each recipient's NOTIFY and ORCPT, passed on to servers that offer DSN (RFC 3461). Takes precedence over MailpipeMailFrom/MailpipeRcptTo.",
              javaType = "io.mailpipe.smtp.Envelope")
    public static final String ENVELOPE = "MailpipeEnvelope";
    @Metadata(label = "producer", description = "Recipients already delivered by an earlier attempt: skipped. The producer adds every recipient it delivers, on success and on failure, so retries never deliver twice.",
              javaType = "java.util.List<String>", important = true)
    public static final String DELIVERED_RECIPIENTS = "MailpipeDeliveredRecipients";
    @Metadata(label = "producer", description = "Set after each attempt: the recipients that failed transiently and should be retried.",
              javaType = "java.util.List<String>")
    public static final String PENDING_RECIPIENTS = "MailpipePendingRecipients";
    @Metadata(label = "producer", description = "The per-recipient results (outcome, reply code, enhanced status, text, MX host and address), the latest per recipient across all attempts of this exchange; read to skip bounced recipients, written after each attempt. Also carried by the Transient/PermanentDeliveryException.",
              javaType = "io.mailpipe.delivery.DeliveryReport", important = true)
    public static final String DELIVERY_REPORT = "MailpipeDeliveryReport";
    @Metadata(label = "producer", description = "When the message first arrived, for the DSN Arrival-Date (set by smtpd:).",
              javaType = "java.time.Instant")
    public static final String RECEIVED_AT = "MailpipeReceivedAt";
    @Metadata(label = "producer", description = "Set by the DSN processor: true when a bounce is due and the body now holds it, false when none may be sent (null sender, NOTIFY without FAILURE).",
              javaType = "Boolean")
    public static final String DSN_REQUIRED = "MailpipeDsnRequired";

    private MxConstants() {
    }
}
