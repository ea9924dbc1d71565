package io.mailpipe.smtp.client;

import io.mailpipe.smtp.SmtpReply;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reply matching of {@link SmtpConnection} on an in-memory channel, where the order of events is chosen by the
 * test: the greeting (RFC 5321 §3.1) read before anyone asks for it, a reply nobody asked for, and the greeting time
 * limit of §4.5.3.2.1 counted from the moment the connection is established, on the channel's frozen clock.
 */
class SmtpConnectionTest {

    private static final Duration GREETING_LIMIT = Duration.ofSeconds(30);

    private final EmbeddedChannel channel = new EmbeddedChannel(false, false);
    private SmtpConnection connection;

    /** Builds the pipeline the way the session opener does, then connects the channel. */
    private void connect() throws Exception {
        channel.pipeline().addLast(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                connection = new SmtpConnection(ch, GREETING_LIMIT);
                ch.pipeline().addLast(new ReplyDecoder(1000, 100), connection.handler());
            }
        });
        channel.register();
        channel.freezeTime();
    }

    private void serverSends(String raw) {
        channel.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.US_ASCII));
    }

    private static ClientFailure failureOf(CompletableFuture<SmtpReply> reply) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> reply.get(1, TimeUnit.SECONDS));
        return ClientFailure.of(e);
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void greetingReadBeforeAnyoneAsksForItIsStillTheGreeting() throws Exception {
        connect();
        serverSends("220 mx.test ESMTP\r\n");

        assertTrue(connection.isUsable());
        SmtpReply greeting = connection.greeting().get(1, TimeUnit.SECONDS);
        assertEquals(220, greeting.code());
        assertEquals("mx.test ESMTP", greeting.lines().get(0));
    }

    @Test
    void greetingThenEhloReplyAreMatchedInOrder() throws Exception {
        connect();
        serverSends("220 mx.test ESMTP\r\n");
        CompletableFuture<SmtpReply> ehlo = connection.command("EHLO client.test", "EHLO", Duration.ofSeconds(5));
        serverSends("250-mx.test\r\n250 PIPELINING\r\n");

        assertEquals(220, connection.greeting().get(1, TimeUnit.SECONDS).code());
        assertEquals(java.util.List.of("mx.test", "PIPELINING"), ehlo.get(1, TimeUnit.SECONDS).lines());
        assertEquals("EHLO client.test\r\n", channel.<io.netty.buffer.ByteBuf>readOutbound()
                .toString(StandardCharsets.US_ASCII));
    }

    @Test
    void replyAfterTheGreetingThatNobodyAskedForBreaksTheConnection() throws Exception {
        connect();
        serverSends("220 mx.test ESMTP\r\n250 surprise\r\n");

        assertFalse(connection.isUsable());
        ClientFailure failure = failureOf(connection.command("NOOP", "NOOP", Duration.ofSeconds(5)));
        assertEquals(ClientFailure.Kind.PROTOCOL, failure.kind());
        assertTrue(failure.getMessage().contains("unexpected reply from server: 250"), failure.getMessage());
    }

    @Test
    void silentServerFailsTheGreetingOnceItsLimitHasPassedSinceConnecting() throws Exception {
        connect();
        channel.advanceTimeBy(GREETING_LIMIT.minusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertFalse(connection.greeting().isDone());

        channel.advanceTimeBy(1, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        ClientFailure failure = failureOf(connection.greeting());
        assertEquals(ClientFailure.Kind.TIMEOUT, failure.kind());
        assertTrue(failure.getMessage().contains("no reply to greeting"), failure.getMessage());
        assertFalse(channel.isOpen());
    }

    @Test
    void connectionClosedBeforeTheGreetingFailsIt() throws Exception {
        connect();
        channel.close();

        assertEquals(ClientFailure.Kind.CONNECTION_LOST, failureOf(connection.greeting()).kind());
    }
}
