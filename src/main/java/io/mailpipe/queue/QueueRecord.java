package io.mailpipe.queue;

import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The queue's view of one accepted message, independent of where it is stored (spool file or Kafka record): the
 * envelope (RFC 5321 §2.3.1 with the RFC 3461 DSN parameters RET, ENVID, NOTIFY, ORCPT), the state of every
 * recipient, and the retry bookkeeping of RFC 5321 §4.5.4.1.
 * <ul>
 *   <li>{@code queueId}: the id the 250 reply named; unique; safe as a file name ([A-Za-z0-9._-]).</li>
 *   <li>{@code receivedAt}: when the message was first accepted; the queue lifetime counts from here.</li>
 *   <li>{@code attempts}: delivery attempts made so far (0 when fresh).</li>
 *   <li>{@code nextAttemptAt}: not to be tried before this instant; null means at once.</li>
 *   <li>{@code lastError}: the text of the most recent failure, for inspection; null when none.</li>
 *   <li>{@code revision}: increases with every rewrite of the stored record, so of two copies the newer wins.</li>
 *   <li>{@code clientIp} / {@code heloName}: where the message came from, for reports; may be null.</li>
 *   <li>{@code tags}: the sender's tenant, campaign and idempotency key ({@link MessageTags#NONE} for SMTP mail),
 *       repeated in every delivery event of the message.</li>
 *   <li>{@code notAfter}: the sender's cut-off (a send request's {@code notAfter}); no attempt starts at or after
 *       it, and the message expires there if the queue lifetime has not ended it before; null means none.</li>
 * </ul>
 * The message bytes are not part of this value: each back-end stores them beside it (see {@link QueueFileFormat}).
 */
public record QueueRecord(String queueId, Instant receivedAt, MailFrom mailFrom, List<RecipientState> recipients,
                          int attempts, Instant nextAttemptAt, String lastError, int revision, String clientIp,
                          String heloName, MessageTags tags, Instant notAfter) {

    private static final Pattern SAFE_QUEUE_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    public QueueRecord {
        Objects.requireNonNull(queueId, "queueId");
        if (!SAFE_QUEUE_ID.matcher(queueId).matches() || queueId.startsWith(".")) {
            throw new IllegalArgumentException("unsafe queue id: " + queueId);
        }
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(mailFrom, "mailFrom");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a queued message needs at least one recipient");
        }
        tags = tags == null ? MessageTags.NONE : tags;
    }

    /** A record without tags. */
    public QueueRecord(String queueId, Instant receivedAt, MailFrom mailFrom, List<RecipientState> recipients,
                       int attempts, Instant nextAttemptAt, String lastError, int revision, String clientIp,
                       String heloName) {
        this(queueId, receivedAt, mailFrom, recipients, attempts, nextAttemptAt, lastError, revision, clientIp,
                heloName, MessageTags.NONE, null);
    }

    /** A freshly accepted message: every recipient pending, due at once. */
    public static QueueRecord accepted(String queueId, Instant receivedAt, MailFrom mailFrom,
                                       List<Recipient> recipients, String clientIp, String heloName) {
        return accepted(queueId, receivedAt, mailFrom, recipients, clientIp, heloName, MessageTags.NONE);
    }

    /** A freshly accepted message carrying the sender's tags. */
    public static QueueRecord accepted(String queueId, Instant receivedAt, MailFrom mailFrom,
                                       List<Recipient> recipients, String clientIp, String heloName,
                                       MessageTags tags) {
        return accepted(queueId, receivedAt, mailFrom, recipients, clientIp, heloName, tags, null);
    }

    /** A freshly accepted message carrying the sender's tags and cut-off ({@code notAfter}, null: none). */
    public static QueueRecord accepted(String queueId, Instant receivedAt, MailFrom mailFrom,
                                       List<Recipient> recipients, String clientIp, String heloName,
                                       MessageTags tags, Instant notAfter) {
        return new QueueRecord(queueId, receivedAt, mailFrom, recipients.stream().map(RecipientState::pending).toList(),
                0, null, null, 0, clientIp, heloName, tags, notAfter);
    }

    /** The same message with only {@code states} as its recipients (one part of a message split by domain). */
    public QueueRecord withRecipientStates(List<RecipientState> states) {
        return new QueueRecord(queueId, receivedAt, mailFrom, states, attempts, nextAttemptAt, lastError, revision,
                clientIp, heloName, tags, notAfter);
    }

    public List<RecipientState> pendingRecipients() {
        return recipients.stream().filter(RecipientState::isPending).toList();
    }

    public boolean hasPendingRecipients() {
        return recipients.stream().anyMatch(RecipientState::isPending);
    }

    public boolean isDue(Instant now) {
        return nextAttemptAt == null || !nextAttemptAt.isAfter(now);
    }

    /** True when the message has a cut-off and {@code now} is at or after it: it must not be tried any more. */
    public boolean isPastNotAfter(Instant now) {
        return notAfter != null && !now.isBefore(notAfter);
    }

    /** The same message with every recipient passed through {@code change}. */
    public QueueRecord withRecipients(UnaryOperator<RecipientState> change) {
        return new QueueRecord(queueId, receivedAt, mailFrom, recipients.stream().map(change).toList(), attempts,
                nextAttemptAt, lastError, revision, clientIp, heloName, tags, notAfter);
    }

    /** The same message after one more attempt, to be tried next at {@code next} (null: not again). */
    public QueueRecord afterAttempt(Instant next, String error) {
        return new QueueRecord(queueId, receivedAt, mailFrom, recipients, attempts + 1, next, error, revision,
                clientIp, heloName, tags, notAfter);
    }

    /** The same message due at {@code next} without counting an attempt (an operator's "retry now"). */
    public QueueRecord dueAt(Instant next) {
        return new QueueRecord(queueId, receivedAt, mailFrom, recipients, attempts, next, lastError, revision,
                clientIp, heloName, tags, notAfter);
    }

    /** The next stored revision of this record. */
    public QueueRecord nextRevision() {
        return new QueueRecord(queueId, receivedAt, mailFrom, recipients, attempts, nextAttemptAt, lastError,
                revision + 1, clientIp, heloName, tags, notAfter);
    }
}
