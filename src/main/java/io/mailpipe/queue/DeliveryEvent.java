package io.mailpipe.queue;

import io.mailpipe.feedback.BounceClass;
import io.mailpipe.smtp.SmtpReply;

import java.time.Instant;
import java.util.Objects;

/**
 * One recipient outcome the queue recorded (RFC 3464 §2.3.3 actions: delivered, delayed, failed; expiry is a failure
 * because the queue lifetime ended or the sender's notAfter passed): what happened, the deciding reply (code,
 * RFC 3463 enhanced status, text) and MX host when known, for a deferral when the next attempt is due, when the
 * message was received (null when unknown), which tells how long the message took to reach this outcome, and the
 * sender's tags of the message (tenant, campaign, idempotency key; {@link MessageTags#NONE} for SMTP mail), and for
 * every outcome but delivered its {@link BounceClass} (bounce category and RFC 3463 class; null when not classified).
 * A suppressed recipient was not tried because it is on the suppression list; its classification is the one stored
 * with the suppression.
 */
public record DeliveryEvent(Instant at, Type type, String queueId, String recipient, int attempt, SmtpReply reply,
                            String mxHost, Instant nextAttemptAt, Instant receivedAt, MessageTags tags,
                            BounceClass classification) {

    public enum Type { DELIVERED, DEFERRED, BOUNCED, EXPIRED, SUPPRESSED }

    public DeliveryEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(recipient, "recipient");
        tags = tags == null ? MessageTags.NONE : tags;
    }

    /** An event without classification. */
    public DeliveryEvent(Instant at, Type type, String queueId, String recipient, int attempt, SmtpReply reply,
                         String mxHost, Instant nextAttemptAt, Instant receivedAt, MessageTags tags) {
        this(at, type, queueId, recipient, attempt, reply, mxHost, nextAttemptAt, receivedAt, tags, null);
    }

    /** An event of a message without tags. */
    public DeliveryEvent(Instant at, Type type, String queueId, String recipient, int attempt, SmtpReply reply,
                         String mxHost, Instant nextAttemptAt, Instant receivedAt) {
        this(at, type, queueId, recipient, attempt, reply, mxHost, nextAttemptAt, receivedAt, MessageTags.NONE);
    }

    /** An event whose message receipt time is not known, of a message without tags. */
    public DeliveryEvent(Instant at, Type type, String queueId, String recipient, int attempt, SmtpReply reply,
                         String mxHost, Instant nextAttemptAt) {
        this(at, type, queueId, recipient, attempt, reply, mxHost, nextAttemptAt, null);
    }
}
