package io.mailpipe.queue.spool;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One line of a queue listing (like Postfix's mailq): id, state, sender, pending recipients, age, attempts, error. */
public record QueuedMessage(String queueId, SpoolState state, String sender, List<String> pendingRecipients,
                            Duration age, int attempts, Instant nextAttemptAt, String lastError) {
}
