package io.mailpipe.smtp.server.transport;

import io.mailpipe.smtp.Envelope;
import io.mailpipe.smtp.MessageContent;
import io.mailpipe.smtp.MessageRejectedException;
import io.mailpipe.smtp.ReceivedMessage;
import io.mailpipe.smtp.SessionInfo;
import io.mailpipe.smtp.SmtpReplies;
import io.mailpipe.smtp.SmtpReply;
import io.mailpipe.smtp.SpoolingMessageWriter;
import io.mailpipe.smtp.server.SmtpServerConfig;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;

/**
 * Hands one complete message to the {@link io.mailpipe.smtp.server.MessageReceiver} and answers the end of data
 * only when it is done (RFC 5321 §4.1.1.4, DESIGN §5 "250 means durable"): success → 250 with the queue id,
 * {@link MessageRejectedException} → its reply, anything else → 451 4.3.0. The session stops reading meanwhile;
 * a pending-message permit is taken first, so a saturated receiver stalls clients instead of filling memory.
 */
final class MessageDelivery {

    private final SmtpSession session;
    private final SmtpServerConfig config;
    private final String queueId;
    private final Instant receivedAt;
    private final Envelope envelope;
    private final SessionInfo sessionInfo;
    private final SpoolingMessageWriter spool;

    MessageDelivery(SmtpSession session, String queueId, Instant receivedAt, Envelope envelope,
                    SessionInfo sessionInfo, SpoolingMessageWriter spool) {
        this.session = session;
        this.config = session.config();
        this.queueId = queueId;
        this.receivedAt = receivedAt;
        this.envelope = envelope;
        this.sessionInfo = sessionInfo;
        this.spool = spool;
    }

    void start() {
        session.suspend();
        session.server().permits().acquire(this::permitGranted);
    }

    private void permitGranted() {
        try {
            session.work().execute(this::handOver);
        } catch (RejectedExecutionException e) {
            spool.discard();
            finished(SmtpReplies.LOCAL_ERROR, -1);
        }
    }

    private void handOver() {
        if (!session.channel().isActive()) {
            spool.discard();
            session.server().permits().release();
            return;
        }
        MessageContent content;
        CompletionStage<Void> outcome;
        try {
            content = spool.toContent();
        } catch (IOException | RuntimeException e) {
            spool.discard();
            finished(SmtpReplies.LOCAL_ERROR, -1);
            return;
        }
        try {
            outcome = session.server().receiver().receive(new ReceivedMessage(queueId, receivedAt, envelope, sessionInfo,
                    content));
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        outcome.whenComplete((ignored, error) -> {
            long size = content.size();
            content.close();
            finished(error == null ? SmtpReplies.queued(queueId) : replyFor(error), size);
        });
    }

    private void finished(SmtpReply reply, long size) {
        session.server().permits().release();
        if (reply.isPositive()) {
            config.metrics().messageAccepted(size);
        } else {
            config.metrics().messageRejected(reply);
        }
        session.eventLoop().execute(() -> {
            session.messageAnswered(reply, queueId);
            if (!session.closing()) {
                session.replyOutcome(reply);
                session.resume();
            }
        });
    }

    private static SmtpReply replyFor(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof MessageRejectedException rejected ? rejected.reply() : SmtpReplies.LOCAL_ERROR;
    }
}
