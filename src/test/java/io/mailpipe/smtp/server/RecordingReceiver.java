package io.mailpipe.smtp.server;

import io.mailpipe.smtp.MessageRejectedException;
import io.mailpipe.smtp.ReceivedMessage;
import io.mailpipe.smtp.SmtpReply;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** A MessageReceiver for tests: records each message with its bytes, then answers as the test decides. */
final class RecordingReceiver implements MessageReceiver {

    /** What the receiver saw, with the content read out before the stage completed. */
    record Received(ReceivedMessage message, byte[] content, boolean inMemory) {
        String text() {
            return new String(content, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Received> arrivals = new LinkedBlockingQueue<>();
    private volatile Function<ReceivedMessage, CompletionStage<Void>> behaviour =
            m -> CompletableFuture.completedFuture(null);

    static RecordingReceiver accepting() {
        return new RecordingReceiver();
    }

    RecordingReceiver failingWith(RuntimeException error) {
        behaviour = m -> CompletableFuture.failedFuture(error);
        return this;
    }

    RecordingReceiver rejectingWith(SmtpReply reply) {
        behaviour = m -> {
            throw new MessageRejectedException(reply);
        };
        return this;
    }

    RecordingReceiver answering(Function<ReceivedMessage, CompletionStage<Void>> answer) {
        behaviour = answer;
        return this;
    }

    @Override
    public CompletionStage<Void> receive(ReceivedMessage message) {
        try (InputStream in = message.content().openStream()) {
            Received entry = new Received(message, in.readAllBytes(), message.content().inMemory());
            received.add(entry);
            arrivals.add(entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return behaviour.apply(message);
    }

    List<Received> received() {
        return received;
    }

    /** The next message to arrive, waiting at most 10 s; null if none came. */
    Received next() throws InterruptedException {
        return arrivals.poll(10, TimeUnit.SECONDS);
    }

    /** The next message if one arrives within the given milliseconds, else null. */
    Received poll(long millis) throws InterruptedException {
        return arrivals.poll(millis, TimeUnit.MILLISECONDS);
    }
}
