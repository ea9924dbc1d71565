package io.mailpipe.smtp.client;

import io.mailpipe.smtp.netty.NettyTransport;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The non-blocking SMTP client engine (RFC 5321 §3, §4): sends one message to one destination over a pooled
 * session and reports every recipient's reply. A few Netty I/O threads carry all connections; a delivery waiting for
 * a connection, a rate slot or a reply holds no thread. Session failures before the transaction (connect, greeting,
 * EHLO, TLS, AUTH) are marked so that the caller may try the next MX host (RFC 5321 §5.1); when opportunistic TLS
 * fails in the handshake, the same address is tried once more in plain text, as RFC 7435 §3 intends. A send whose
 * session is not kept for reuse completes once that session is closed, so callers limiting connections count right.
 */
public final class SmtpClient implements AutoCloseable {

    private final SmtpClientConfig config;
    private final EventLoopGroup group;
    private final ConnectionPool pool;
    private final RateLimiter rate;

    public SmtpClient(SmtpClientConfig config) {
        this.config = config;
        NettyTransport transport = NettyTransport.best();
        this.group = transport.newEventLoopGroup(config.ioThreads(),
                new DefaultThreadFactory("mailpipe-smtp-client", true));
        SessionOpener opener = new SessionOpener(config, group, transport);
        this.pool = new ConnectionPool(config, group, opener::open);
        this.rate = new RateLimiter(config.messagesPerSecondPerDestination());
    }

    public SmtpClientConfig config() {
        return config;
    }

    /** Delivers {@code message} to {@code destination}; the stage never completes exceptionally. */
    public CompletableFuture<TransactionResult> send(Destination destination, OutboundMessage message) {
        return send(destination, message, config.maxMessagesPerConnection());
    }

    /**
     * Delivers {@code message} like {@link #send(Destination, OutboundMessage)}, closing the pooled session after it
     * once it has carried {@code maxMessagesPerConnection} transactions (the lower of this and the client's limit).
     */
    public CompletableFuture<TransactionResult> send(Destination destination, OutboundMessage message,
                                                     int maxMessagesPerConnection) {
        int limit = Math.min(maxMessagesPerConnection, config.maxMessagesPerConnection());
        return afterRateSlot(destination).thenCompose(ignored -> attempt(destination, message, limit))
                .thenCompose(result -> retryInPlainText(destination, message, result, limit));
    }

    private CompletableFuture<TransactionResult> retryInPlainText(Destination destination, OutboundMessage message,
                                                                  Attempt attempt, int limit) {
        if (attempt.failure() != null && attempt.failure().kind() == ClientFailure.Kind.TLS
                && destination.tlsPolicy() == TlsPolicy.OPPORTUNISTIC && destination.credentials() == null) {
            return attempt(destination.withTlsPolicy(TlsPolicy.NONE), message, limit).thenApply(Attempt::result);
        }
        return CompletableFuture.completedFuture(attempt.result());
    }

    private record Attempt(TransactionResult result, ClientFailure failure) {
    }

    private CompletableFuture<Attempt> attempt(Destination destination, OutboundMessage message, int limit) {
        return pool.acquire(destination).handle((session, error) -> {
            if (error != null) {
                return CompletableFuture.completedFuture(sessionFailure(message, error));
            }
            boolean first = session.startTransaction();
            return new MailTransaction(session, message, config.timeouts(), !first).run()
                    .thenCompose(result -> pool.release(session,
                                    session.connection().isUsable() && session.transactions() < limit)
                            .thenApply(closed -> new Attempt(result, null)));
        }).thenCompose(stage -> stage);
    }

    private static Attempt sessionFailure(OutboundMessage message, Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        if (cause instanceof SessionRefused refused) {
            return new Attempt(TransactionResult.all(message, refused.reply(), true, null), null);
        }
        ClientFailure failure = ClientFailure.of(cause);
        return new Attempt(TransactionResult.all(message, failure.reply(), true, null), failure);
    }

    private CompletableFuture<Void> afterRateSlot(Destination destination) {
        long wait = rate.reserve(destination.address(), System.nanoTime());
        if (wait <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> slot = new CompletableFuture<>();
        group.schedule(() -> slot.complete(null), wait, TimeUnit.NANOSECONDS);
        return slot;
    }

    /** Open connections to {@code destination}, idle and busy. */
    public int openConnections(Destination destination) {
        return pool.openConnections(destination);
    }

    /** Sends QUIT on idle connections and stops the I/O threads. */
    @Override
    public void close() {
        CompletableFuture.allOf(pool.closeIdle().toArray(CompletableFuture[]::new))
                .completeOnTimeout(null, config.timeouts().quit().toMillis(), TimeUnit.MILLISECONDS).join();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
