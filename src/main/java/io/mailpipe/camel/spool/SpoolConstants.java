package io.mailpipe.camel.spool;

import io.mailpipe.camel.smtpd.SmtpdConstants;
import org.apache.camel.spi.Metadata;

/**
 * The headers the {@code spool:} producer reads and the consumer sets (RFC 5321 §2.3.1 envelope, RFC 3461 DSN
 * parameters); the envelope names are the ones {@code smtpd:} sets, so {@code smtpd:} → {@code spool:} needs no
 * mapping.
 */
public final class SpoolConstants {

    @Metadata(description = "Producer: the queue id to store the message under (a new one is made when absent). "
            + "Consumer: the id of the message being delivered.", javaType = "String", important = true)
    public static final String QUEUE_ID = SmtpdConstants.QUEUE_ID;
    @Metadata(description = "When the message was first received; the queue lifetime counts from here.",
              javaType = "java.time.Instant")
    public static final String RECEIVED_AT = SmtpdConstants.RECEIVED_AT;
    @Metadata(description = "Producer: the envelope to store (MAIL parameters and every recipient with NOTIFY and "
            + "ORCPT); when absent it is built from MailpipeMailFrom and MailpipeRcptTo. Consumer: the envelope with "
            + "only the recipients still pending.", javaType = "io.mailpipe.smtp.Envelope", important = true)
    public static final String ENVELOPE = SmtpdConstants.ENVELOPE;
    @Metadata(description = "The reverse-path; empty for the null sender.", javaType = "String")
    public static final String MAIL_FROM = SmtpdConstants.MAIL_FROM;
    @Metadata(description = "Producer: the recipients, used when there is no MailpipeEnvelope. Consumer: the "
            + "recipients still pending, the ones this attempt must deliver to.", javaType = "java.util.List<String>")
    public static final String RCPT_TO = SmtpdConstants.RCPT_TO;
    @Metadata(description = "The client address the message came from, kept for reports.", javaType = "String")
    public static final String CLIENT_IP = SmtpdConstants.CLIENT_IP;
    @Metadata(description = "The HELO/EHLO name the message came with, kept for reports.", javaType = "String")
    public static final String HELO_NAME = SmtpdConstants.HELO_NAME;
    @Metadata(description = "The sender's cut-off (a send request's notAfter, set by bulk:compose; any route may set "
            + "it): stored with the message; no delivery attempt starts at or after it, and the message expires "
            + "there with a failure report if the queue lifetime has not ended it before. Absent: no cut-off.",
              javaType = "java.time.Instant")
    public static final String NOT_AFTER = "MailpipeNotAfter";
    @Metadata(description = "Consumer: delivery attempts already made before this one (0 on the first).",
              javaType = "Integer")
    public static final String ATTEMPTS = "MailpipeAttempts";
    @Metadata(description = "Consumer, optional on success: the per-recipient DeliveryReport of the attempt; "
            + "without it a completed exchange counts as delivered to every pending recipient.",
              javaType = "io.mailpipe.delivery.DeliveryReport")
    public static final String DELIVERY_REPORT = "MailpipeDeliveryReport";

    private SpoolConstants() {
    }
}
