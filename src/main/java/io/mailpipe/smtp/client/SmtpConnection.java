package io.mailpipe.smtp.client;

import io.mailpipe.smtp.SmtpReply;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * One client connection to an SMTP server (RFC 5321 §3, §4.2): commands are written and their replies matched in
 * order from a queue of pending replies, which makes PIPELINING (RFC 2920 §3.1) a matter of writing several
 * commands before the first reply arrives. The server speaks first (RFC 5321 §3.1), so the greeting is the head of
 * the queue from the moment the connection exists, before any octet can be read: however late the caller asks for
 * it, the 220 is matched as the greeting and never as a reply nobody asked for. Every pending reply has its own time
 * limit (the greeting's runs from the moment the connection is established); a timeout, a reply syntax error, a
 * reply nobody asked for or a closed socket fails everything pending with a {@link ClientFailure} and closes the
 * connection. All state lives on the channel's event loop; no thread ever waits on a reply.
 */
public final class SmtpConnection {

    private static final class Pending {
        private final CompletableFuture<SmtpReply> future;
        private ScheduledFuture<?> timer;

        Pending(CompletableFuture<SmtpReply> future, ScheduledFuture<?> timer) {
            this.future = future;
            this.timer = timer;
        }
    }

    private final Channel channel;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final CompletableFuture<SmtpReply> greeting = new CompletableFuture<>();
    private final Duration greetingTimeout;
    private ClientFailure broken;
    private boolean closing;

    /** Made while the channel is set up, before it connects; {@code greetingTimeout} starts once it is connected. */
    SmtpConnection(Channel channel, Duration greetingTimeout) {
        this.channel = channel;
        this.greetingTimeout = greetingTimeout;
        pending.add(new Pending(greeting, null));
    }

    /** The inbound end of the pipeline, delivering replies and faults to this connection. */
    SimpleChannelInboundHandler<SmtpReply> handler() {
        return new SimpleChannelInboundHandler<>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, SmtpReply reply) {
                onReply(reply);
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause()
                        : cause;
                if (root instanceof SmtpProtocolException) {
                    fail(new ClientFailure(ClientFailure.Kind.PROTOCOL, "protocol error: " + root.getMessage()));
                } else if (root instanceof javax.net.ssl.SSLException) {
                    fail(new ClientFailure(ClientFailure.Kind.TLS, "TLS failure: " + root.getMessage(), root));
                } else {
                    fail(new ClientFailure(ClientFailure.Kind.CONNECTION_LOST, "connection error: " + root, root));
                }
            }

            @Override
            public void channelActive(ChannelHandlerContext ctx) {
                startTimer(greeting, "greeting", greetingTimeout);
                ctx.fireChannelActive();
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                fail(new ClientFailure(ClientFailure.Kind.CONNECTION_LOST, "connection closed by the server"));
            }
        };
    }

    public Channel channel() {
        return channel;
    }

    /** True while the connection can carry another command. */
    public boolean isUsable() {
        return broken == null && !closing && channel.isActive();
    }

    /** The server's greeting (RFC 5321 §3.1), the first reply on every connection; nothing is sent for it. */
    public CompletableFuture<SmtpReply> greeting() {
        return greeting;
    }

    /** Sends one command line (without CRLF) and returns its reply. */
    public CompletableFuture<SmtpReply> command(String line, String step, Duration timeout) {
        return pipeline(List.of(line), List.of(step), List.of(timeout)).get(0);
    }

    /** Writes all command lines in one flush and returns their replies in order (RFC 2920 §3.1). */
    public List<CompletableFuture<SmtpReply>> pipeline(List<String> lines, List<String> steps,
                                                       List<Duration> timeouts) {
        List<CompletableFuture<SmtpReply>> replies = new java.util.ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            replies.add(new CompletableFuture<>());
        }
        runOnLoop(() -> {
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                register(steps.get(i), timeouts.get(i)).whenComplete(forward(replies.get(i)));
                batch.append(lines.get(i)).append("\r\n");
            }
            if (broken == null) {
                channel.writeAndFlush(Unpooled.copiedBuffer(batch, StandardCharsets.UTF_8));
            }
        });
        return replies;
    }

    /**
     * Streams the message content after a 354 (RFC 5321 §4.1.1.4): dot-stuffed, block by block as the socket drains.
     * If no block goes out within {@code blockTimeout} the connection is failed; after the last block the reply to
     * the final "." must come within {@code finalTimeout}.
     */
    public CompletableFuture<SmtpReply> sendContent(InputStream content, Duration blockTimeout,
                                                    Duration finalTimeout) {
        CompletableFuture<SmtpReply> reply = new CompletableFuture<>();
        runOnLoop(() -> {
            if (broken != null) {
                reply.completeExceptionally(broken);
                return;
            }
            CompletableFuture<SmtpReply> finalReply = register("end of data", null);
            finalReply.whenComplete(forward(reply));
            DotStuffedContent chunks = new DotStuffedContent(content);
            ChannelFuture written = channel.writeAndFlush(chunks);
            DataWatchdog.watch(this, chunks, written, blockTimeout);
            written.addListener(f -> {
                if (f.isSuccess()) {
                    startTimer(finalReply, "end of data", finalTimeout);
                }
            });
        });
        return reply;
    }

    /** Adds TLS in front of the reply decoder and performs the handshake (RFC 3207 §4); SNI and, if asked, host checks. */
    public CompletableFuture<SSLSession> startTls(SslContext context, String serverName, boolean verifyHost,
                                                  Duration timeout) {
        CompletableFuture<SSLSession> done = new CompletableFuture<>();
        runOnLoop(() -> {
            SSLEngine engine = context.newEngine(channel.alloc(), serverName, 25);
            SSLParameters parameters = engine.getSSLParameters();
            if (verifyHost) {
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
            }
            engine.setSSLParameters(parameters);
            SslHandler ssl = new SslHandler(engine);
            ssl.setHandshakeTimeoutMillis(timeout.toMillis());
            channel.pipeline().addFirst("tls", ssl);
            ssl.handshakeFuture().addListener(f -> {
                if (f.isSuccess()) {
                    done.complete(engine.getSession());
                } else {
                    ClientFailure failure = new ClientFailure(ClientFailure.Kind.TLS,
                            "TLS handshake failed: " + f.cause().getMessage(), f.cause());
                    fail(failure);
                    done.completeExceptionally(failure);
                }
            });
        });
        return done;
    }

    /** Sends QUIT (RFC 5321 §4.1.1.10) when the connection is still usable, then closes it in any case. */
    public CompletableFuture<Void> quit(Duration timeout) {
        if (!isUsable()) {
            close();
            return CompletableFuture.completedFuture(null);
        }
        return command("QUIT", "QUIT", timeout).handle((reply, error) -> {
            close();
            return null;
        });
    }

    public void close() {
        runOnLoop(() -> {
            closing = true;
            channel.close();
        });
    }

    void fail(ClientFailure failure) {
        if (broken == null) {
            broken = failure;
        }
        while (!pending.isEmpty()) {
            Pending p = pending.poll();
            cancelTimer(p);
            p.future.completeExceptionally(failure);
        }
        channel.close();
    }

    private void onReply(SmtpReply reply) {
        Pending head = pending.poll();
        if (head == null) {
            fail(new ClientFailure(ClientFailure.Kind.PROTOCOL, "unexpected reply from server: " + reply));
            return;
        }
        cancelTimer(head);
        head.future.complete(reply);
    }

    private CompletableFuture<SmtpReply> register(String step, Duration timeout) {
        CompletableFuture<SmtpReply> future = new CompletableFuture<>();
        if (broken != null) {
            future.completeExceptionally(broken);
            return future;
        }
        ScheduledFuture<?> timer = timeout == null ? null : schedule(step, timeout);
        pending.add(new Pending(future, timer));
        return future;
    }

    private void startTimer(CompletableFuture<SmtpReply> future, String step, Duration timeout) {
        for (Pending p : pending) {
            if (p.future == future) {
                p.timer = schedule(step, timeout);
                return;
            }
        }
    }

    private ScheduledFuture<?> schedule(String step, Duration timeout) {
        return channel.eventLoop().schedule(() -> fail(new ClientFailure(ClientFailure.Kind.TIMEOUT,
                "no reply to " + step + " within " + timeout.toSeconds() + " s")), timeout.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static void cancelTimer(Pending p) {
        if (p.timer != null) {
            p.timer.cancel(false);
        }
    }

    private static java.util.function.BiConsumer<SmtpReply, Throwable> forward(CompletableFuture<SmtpReply> target) {
        return (reply, error) -> {
            if (error != null) {
                target.completeExceptionally(error);
            } else {
                target.complete(reply);
            }
        };
    }

    private void runOnLoop(Runnable action) {
        if (channel.eventLoop().inEventLoop()) {
            action.run();
        } else {
            channel.eventLoop().execute(action);
        }
    }
}
