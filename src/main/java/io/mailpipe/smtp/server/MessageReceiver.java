package io.mailpipe.smtp.server;

import io.mailpipe.smtp.ReceivedMessage;

import java.util.concurrent.CompletionStage;

/**
 * Whatever takes a received message off the server's hands (the Camel consumer, a test). The server answers the end
 * of DATA/BDAT LAST only when the returned stage completes (RFC 5321 §4.1.1.4 with the "250 means durable" contract):
 * normally → 250 2.0.0 with the queue id; with {@link io.mailpipe.smtp.MessageRejectedException} → its reply;
 * with anything else → 451 4.3.0. Called on a worker thread of the server's bounded executor, never on an event loop;
 * the server closes the message content after the stage completes.
 */
@FunctionalInterface
public interface MessageReceiver {
    CompletionStage<Void> receive(ReceivedMessage message);
}
