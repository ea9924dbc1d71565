package io.mailpipe.queue;

import io.mailpipe.smtp.MessageBytes;

import java.util.List;

/**
 * Receives the recipients the queue gave up on, to tell the sender with a delivery status notification (RFC 3464;
 * the DSN builder implements this). The queue calls it only when a report is due: never for the null reverse-path
 * (RFC 5321 §4.5.5), and only with recipients whose NOTIFY asks for failures (RFC 3461 §4.1: NOTIFY absent or
 * containing FAILURE). Each recipient carries its last reply and MX host. The call happens before the message moves
 * to the dead state; an exception leaves the message where it was, to be resolved again at its next attempt.
 */
@FunctionalInterface
public interface BounceSink {

    void bounce(QueueRecord message, MessageBytes body, List<RecipientState> failed, BounceReason reason)
            throws Exception;

    /** A sink that drops every report (for tests and for deployments that do not send DSNs). */
    BounceSink NONE = (message, body, failed, reason) -> { };
}
