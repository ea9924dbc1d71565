package io.mailpipe.smtp.server.transport;

import io.mailpipe.smtp.SmtpReplies;
import io.netty.buffer.ByteBuf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.RejectedExecutionException;

/**
 * Message content mode for DATA (RFC 5321 §4.1.1.4) and one BDAT chunk (RFC 3030 §2). While the message still fits
 * in memory the bytes are fed on the event loop; beyond the memory threshold the writes may touch a temporary file,
 * so each batch is copied and fed on the worker executor with the channel not reading, one batch at a time.
 */
final class ContentInput implements InputMode {

    private final SmtpSession session;
    private final LineInput.ByteConsumer consumer;
    private final Runnable onEnd;
    private final long inlineLimit;
    private long fed;
    private boolean ended;

    /** inlineLimit: how many bytes may be fed on the event loop; -1 when the consumer does no I/O at all. */
    ContentInput(SmtpSession session, LineInput.ByteConsumer consumer, long inlineLimit, Runnable onEnd) {
        this.session = session;
        this.consumer = consumer;
        this.inlineLimit = inlineLimit;
        this.onEnd = onEnd;
    }

    @Override
    public boolean readingContent() {
        return true;
    }

    @Override
    public boolean process(ByteBuf input) {
        if (ended) {
            return finish();
        }
        int available = input.readableBytes();
        if (inlineLimit >= 0 && available > 0 && fed + available > inlineLimit) {
            offload(input);
            return false;
        }
        try {
            boolean done = LineInput.feed(consumer, input);
            fed += available - input.readableBytes();
            return done && finish();
        } catch (IOException e) {
            session.close(SmtpReplies.LOCAL_ERROR);
            return false;
        }
    }

    private boolean finish() {
        session.commandMode();
        onEnd.run();
        return true;
    }

    private void offload(ByteBuf input) {
        session.suspend();
        ByteBuffer batch = ByteBuffer.allocate(input.readableBytes());
        input.readBytes(batch);
        batch.flip();
        try {
            session.work().execute(() -> feedOnWorker(batch));
        } catch (RejectedExecutionException e) {
            session.close(SmtpReplies.LOCAL_ERROR);
        }
    }

    private void feedOnWorker(ByteBuffer batch) {
        int before = batch.remaining();
        boolean done;
        try {
            done = consumer.feed(batch);
        } catch (IOException | RuntimeException e) {
            session.eventLoop().execute(() -> session.close(SmtpReplies.LOCAL_ERROR));
            return;
        }
        fed += before - batch.remaining();
        session.eventLoop().execute(() -> {
            ended = done;
            session.unread(batch);
            session.resume();
        });
    }
}
