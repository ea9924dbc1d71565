package io.mailpipe.smtp;

import java.time.Instant;

/** One accepted message as the server hands it on: queue id, receive time, envelope, client facts and bytes. */
public record ReceivedMessage(String queueId, Instant receivedAt, Envelope envelope, SessionInfo session,
                              MessageContent content) {
}
