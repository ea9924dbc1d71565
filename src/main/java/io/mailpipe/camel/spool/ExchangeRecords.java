package io.mailpipe.camel.spool;

import io.mailpipe.camel.support.MessageTagHeaders;
import io.mailpipe.camel.support.RawMessage;
import io.mailpipe.queue.QueueRecord;
import io.mailpipe.queue.RecipientState;
import io.mailpipe.queue.spool.Claim;
import io.mailpipe.smtp.Envelope;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;
import io.mailpipe.smtp.server.SortableQueueIdGenerator;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Maps between Camel messages and queue records (RFC 5321 §2.3.1 envelope with RFC 3461 parameters): what the
 * producer stores, and the exchange the consumer builds for one delivery attempt, which carries only the pending
 * recipients.
 */
final class ExchangeRecords {

    private static final SortableQueueIdGenerator QUEUE_IDS = new SortableQueueIdGenerator();

    private ExchangeRecords() {
    }

    /** The record of a new message; sets the queue id header when the exchange had none. */
    static QueueRecord toRecord(Message message, Clock clock) throws InvalidPayloadException {
        Envelope envelope = message.getHeader(SpoolConstants.ENVELOPE, Envelope.class);
        if (envelope == null) {
            envelope = envelopeFromHeaders(message);
        }
        String queueId = message.getHeader(SpoolConstants.QUEUE_ID, String.class);
        if (queueId == null) {
            queueId = QUEUE_IDS.get();
            message.setHeader(SpoolConstants.QUEUE_ID, queueId);
        }
        Instant receivedAt = message.getHeader(SpoolConstants.RECEIVED_AT, Instant.class);
        return QueueRecord.accepted(queueId, receivedAt == null ? clock.instant() : receivedAt,
                envelope.mailFrom(), envelope.recipients(), message.getHeader(SpoolConstants.CLIENT_IP, String.class),
                message.getHeader(SpoolConstants.HELO_NAME, String.class), MessageTagHeaders.read(message),
                message.getHeader(SpoolConstants.NOT_AFTER, Instant.class));
    }

    /** Fills an exchange for one delivery attempt of a claimed message. */
    static void populate(Message target, Claim claim) {
        QueueRecord record = claim.record();
        List<Recipient> pending = record.pendingRecipients().stream().map(RecipientState::recipient).toList();
        target.setBody(RawMessage.of(claim.body()));
        target.setHeader(SpoolConstants.QUEUE_ID, record.queueId());
        target.setHeader(SpoolConstants.RECEIVED_AT, record.receivedAt());
        target.setHeader(SpoolConstants.ENVELOPE, new Envelope(record.mailFrom(), pending));
        target.setHeader(SpoolConstants.MAIL_FROM, record.mailFrom().reversePath());
        target.setHeader(SpoolConstants.RCPT_TO, pending.stream().map(Recipient::address).toList());
        target.setHeader(SpoolConstants.ATTEMPTS, record.attempts());
        if (record.clientIp() != null) {
            target.setHeader(SpoolConstants.CLIENT_IP, record.clientIp());
        }
        if (record.heloName() != null) {
            target.setHeader(SpoolConstants.HELO_NAME, record.heloName());
        }
        MessageTagHeaders.write(target, record.tags());
        if (record.notAfter() != null) {
            target.setHeader(SpoolConstants.NOT_AFTER, record.notAfter());
        }
    }

    private static Envelope envelopeFromHeaders(Message message) throws InvalidPayloadException {
        String from = message.getHeader(SpoolConstants.MAIL_FROM, String.class);
        List<?> recipients = message.getHeader(SpoolConstants.RCPT_TO, List.class);
        if (from == null || recipients == null || recipients.isEmpty()) {
            throw new InvalidPayloadException(message.getExchange(), Envelope.class);
        }
        MailFrom mailFrom = new MailFrom(from, OptionalLong.empty(), MailFrom.BodyType.EIGHT_BIT_MIME, false, null,
                null);
        return new Envelope(mailFrom, recipients.stream().map(r -> new Recipient(r.toString(), Set.of(), null))
                .toList());
    }
}
