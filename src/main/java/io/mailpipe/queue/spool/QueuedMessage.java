package io.mailpipe.queue.spool;

import io.mailpipe.queue.QueueRecord;
import io.mailpipe.queue.RecipientState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One line of a queue listing (like Postfix's mailq): id, state, sender, pending recipients, age, attempts, error. */
public record QueuedMessage(String queueId, SpoolState state, String sender, List<String> pendingRecipients,
                            Duration age, int attempts, Instant nextAttemptAt, String lastError) {

    /** The line of a message in {@code state}, aged as of {@code now}. */
    static QueuedMessage of(QueueRecord record, SpoolState state, Instant now) {
        return new QueuedMessage(record.queueId(), state, record.mailFrom().reversePath(),
                record.pendingRecipients().stream().map(RecipientState::address).toList(),
                Duration.between(record.receivedAt(), now), record.attempts(), record.nextAttemptAt(),
                record.lastError());
    }
}
