package io.mailpipe.smtp.server.transport;

import io.mailpipe.smtp.BdatChunkReader;
import io.mailpipe.smtp.BdatCommand;
import io.mailpipe.smtp.DataDecoder;
import io.mailpipe.smtp.DataOutcome;
import io.mailpipe.smtp.ReceivedField;
import io.mailpipe.smtp.SmtpReplies;
import io.mailpipe.smtp.SmtpReply;
import io.mailpipe.smtp.SpoolingMessageWriter;
import io.mailpipe.smtp.server.ServerReplies;
import io.mailpipe.smtp.server.SmtpServerConfig;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.RejectedExecutionException;

/**
 * Collects the content of the session's current message: DATA with dot-unstuffing and end detection (RFC 5321
 * §4.1.1.4, §4.5.2) or BDAT chunks (RFC 3030 §2), into a spool that begins with our Received field (RFC 5321 §4.4).
 * A size overrun (RFC 1870 §6.3) or a content fault ends the transaction with the decoder's reply and never reaches
 * the receiver; a complete message goes to {@link MessageDelivery}.
 */
final class MessageBodyInput {

    private final SmtpSession session;
    private final SmtpServerConfig config;
    private SpoolingMessageWriter spool;
    private String queueId;
    private Instant receivedAt;
    private long chunkOctets;
    private long traceOctets;

    MessageBodyInput(SmtpSession session) {
        this.session = session;
        this.config = session.config();
    }

    void startData() {
        openSpool();
        DataDecoder decoder = new DataDecoder(spool, config.maxMessageSize(), config.maxDataLineLength(),
                config.bareLineEndings());
        session.reply(SmtpReplies.START_MAIL_INPUT);
        session.flush();
        session.mode(new ContentInput(session, decoder::feed, inlineLimit(), () -> dataEnded(decoder)));
    }

    void startChunk(BdatCommand command) {
        if (spool == null) {
            openSpool();
            session.chunking();
        }
        long allowance = Math.max(0, config.maxMessageSize() - chunkOctets);
        long inlineLimit = inlineLimit();
        chunkOctets += command.chunkSize();
        BdatChunkReader reader = new BdatChunkReader(spool, command.chunkSize(), allowance);
        session.mode(new ContentInput(session, reader::feed, inlineLimit, () -> chunkEnded(reader, command)));
    }

    void discardChunk(BdatCommand command, SmtpReply refusal) {
        BdatChunkReader reader = new BdatChunkReader(OutputStream.nullOutputStream(), command.chunkSize(),
                Long.MAX_VALUE);
        session.mode(new ContentInput(session, reader::feed, -1, () -> session.reply(refusal)));
    }

    /** Drops the message in progress, if any (RSET, EHLO, failure, disconnect). */
    void abandon() {
        SpoolingMessageWriter dropped = spool;
        spool = null;
        chunkOctets = 0;
        if (dropped != null) {
            try {
                session.work().execute(dropped::discard);
            } catch (RejectedExecutionException e) {
                dropped.discard();
            }
        }
    }

    private long inlineLimit() {
        return Math.max(0, config.memoryThreshold() - traceOctets - chunkOctets);
    }

    private void openSpool() {
        queueId = config.queueIdGenerator().get();
        receivedAt = Instant.now();
        spool = new SpoolingMessageWriter(config.memoryThreshold(), config.tempDirectory());
        chunkOctets = 0;
        try {
            byte[] trace = ReceivedField.of(session.sessionInfo(), config.serverName(), queueId,
                    session.transaction().envelope().recipients(),
                    receivedAt.atZone(ZoneId.systemDefault())).toBytes();
            traceOctets = trace.length;
            spool.write(trace);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void dataEnded(DataDecoder decoder) {
        if (decoder.outcome() == DataOutcome.OK) {
            deliver();
        } else {
            refuse(decoder.failureReply());
        }
    }

    private void chunkEnded(BdatChunkReader reader, BdatCommand command) {
        if (reader.overLimit()) {
            refuse(SmtpReplies.MESSAGE_TOO_BIG);
        } else if (command.last()) {
            deliver();
        } else {
            session.reply(ServerReplies.chunkReceived(command.chunkSize()));
        }
    }

    private void refuse(SmtpReply reply) {
        config.metrics().messageRejected(reply);
        session.messageAnswered(reply, queueId);
        session.resetTransaction();
        session.reply(reply);
    }

    private void deliver() {
        SpoolingMessageWriter content = spool;
        spool = null;
        MessageDelivery delivery = new MessageDelivery(session, queueId, receivedAt,
                session.transaction().envelope(), session.sessionInfo(), content);
        session.resetTransaction();
        delivery.start();
    }
}
