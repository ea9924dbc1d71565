package io.mailpipe.smtp.client;

import io.mailpipe.smtp.SmtpReply;
import io.mailpipe.smtp.netty.NettyTransport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLSession;

/**
 * Opens a session to a destination: TCP connect, the 220 greeting (RFC 5321 §3.1), EHLO with fallback to HELO on a
 * 5xx (§4.1.4), STARTTLS per the destination's {@link TlsPolicy} followed by a fresh EHLO (RFC 3207 §4.2), and AUTH
 * PLAIN (RFC 4616) or LOGIN over TLS when the destination has credentials (RFC 4954 §4). A failure completes the
 * future with a {@link SessionRefused} carrying the reply that ended it.
 */
final class SessionOpener {

    private static final AttributeKey<SmtpConnection> CONNECTION = AttributeKey.valueOf("mailpipe.smtpConnection");

    private final SmtpClientConfig config;
    private final ClientTimeouts timeouts;
    private final Bootstrap bootstrap;
    private final ClientTls tls;

    SessionOpener(SmtpClientConfig config, EventLoopGroup group, NettyTransport transport) {
        this.config = config;
        this.timeouts = config.timeouts();
        this.tls = new ClientTls(config.trustManagers());
        this.bootstrap = new Bootstrap().group(group).channel(transport.socketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeouts.connect().toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        SmtpConnection connection = new SmtpConnection(ch, timeouts.greeting());
                        ch.attr(CONNECTION).set(connection);
                        ch.pipeline().addLast("replies",
                                new ReplyDecoder(config.maxReplyLineLength(), config.maxReplyLines()));
                        ch.pipeline().addLast("chunks", new ChunkedWriteHandler());
                        ch.pipeline().addLast("session", connection.handler());
                    }
                });
    }

    CompletableFuture<ClientSession> open(Destination destination) {
        return connect(destination).thenCompose(connection -> greet(connection, destination));
    }

    private CompletableFuture<SmtpConnection> connect(Destination destination) {
        CompletableFuture<SmtpConnection> connected = new CompletableFuture<>();
        ChannelFuture future = bootstrap.connect(destination.address());
        future.addListener(f -> {
            if (f.isSuccess()) {
                connected.complete(future.channel().attr(CONNECTION).get());
            } else {
                connected.completeExceptionally(new ClientFailure(ClientFailure.Kind.CONNECT,
                        "cannot connect to " + destination.hostName() + "[" + destination.addressText() + "]: "
                                + f.cause().getMessage(), f.cause()));
            }
        });
        return connected;
    }

    private CompletableFuture<ClientSession> greet(SmtpConnection connection, Destination destination) {
        return connection.greeting()
                .thenCompose(greeting -> {
                    require(connection, greeting, 220, "greeting");
                    return hello(connection);
                })
                .thenCompose(capabilities -> secure(connection, destination, capabilities))
                .thenCompose(session -> authenticate(session));
    }

    private CompletableFuture<ServerCapabilities> hello(SmtpConnection connection) {
        return connection.command("EHLO " + config.heloName(), "EHLO", timeouts.hello()).thenCompose(reply -> {
            if (reply.code() == 250) {
                return CompletableFuture.completedFuture(ServerCapabilities.fromEhlo(reply));
            }
            if (!reply.isPermanentFailure()) {
                throw refused(connection, reply, "EHLO");
            }
            return connection.command("HELO " + config.heloName(), "HELO", timeouts.hello()).thenApply(helo -> {
                require(connection, helo, 250, "HELO");
                return ServerCapabilities.HELO_ONLY;
            });
        });
    }

    private CompletableFuture<ClientSession> secure(SmtpConnection connection, Destination destination,
                                                    ServerCapabilities capabilities) {
        TlsPolicy policy = destination.tlsPolicy();
        if (policy == TlsPolicy.NONE || !capabilities.startTls() && policy == TlsPolicy.OPPORTUNISTIC) {
            return plain(connection, destination, capabilities);
        }
        if (!capabilities.startTls()) {
            connection.close();
            throw new ClientFailure(ClientFailure.Kind.TLS_UNAVAILABLE,
                    "TLS is required but " + destination.hostName() + " does not offer STARTTLS").unchecked();
        }
        return connection.command("STARTTLS", "STARTTLS", timeouts.startTls()).thenCompose(reply -> {
            if (reply.code() != 220) {
                if (policy == TlsPolicy.OPPORTUNISTIC) {
                    return plain(connection, destination, capabilities);
                }
                connection.close();
                throw new ClientFailure(ClientFailure.Kind.TLS_UNAVAILABLE,
                        "TLS is required but STARTTLS was refused: " + reply).unchecked();
            }
            return connection.startTls(tls.contextFor(policy), destination.hostName(),
                            policy == TlsPolicy.REQUIRED_VERIFY, timeouts.startTls())
                    .thenCompose(tlsSession -> tlsEstablished(connection, tlsSession).command(
                                    "EHLO " + config.heloName(), "EHLO", timeouts.hello())
                            .thenApply(ehlo -> {
                                require(connection, ehlo, 250, "EHLO after STARTTLS");
                                return new ClientSession(connection, destination, ServerCapabilities.fromEhlo(ehlo),
                                        tlsSession.getProtocol());
                            }));
        });
    }

    /** Tells the metrics listener about the new TLS session and goes on with the same connection. */
    private SmtpConnection tlsEstablished(SmtpConnection connection, SSLSession tlsSession) {
        config.metrics().tlsEstablished(tlsSession.getProtocol(), tlsSession.getCipherSuite());
        return connection;
    }

    private static CompletableFuture<ClientSession> plain(SmtpConnection connection, Destination destination,
                                                          ServerCapabilities capabilities) {
        return CompletableFuture.completedFuture(new ClientSession(connection, destination, capabilities, null));
    }

    private CompletableFuture<ClientSession> authenticate(ClientSession session) {
        Destination.Credentials credentials = session.destination().credentials();
        if (credentials == null) {
            return CompletableFuture.completedFuture(session);
        }
        SmtpConnection connection = session.connection();
        if (session.tlsProtocol() == null) {
            connection.close();
            throw new ClientFailure(ClientFailure.Kind.TLS_UNAVAILABLE,
                    "credentials are only sent over TLS, and the session is not encrypted").unchecked();
        }
        if (session.capabilities().authMechanisms().contains("PLAIN")) {
            String token = base64("\0" + credentials.user() + "\0" + credentials.password());
            return connection.command("AUTH PLAIN " + token, "AUTH", timeouts.auth())
                    .thenApply(reply -> authenticated(session, reply));
        }
        return connection.command("AUTH LOGIN", "AUTH", timeouts.auth())
                .thenCompose(reply -> {
                    require(connection, reply, 334, "AUTH LOGIN");
                    return connection.command(base64(credentials.user()), "AUTH user name", timeouts.auth());
                })
                .thenCompose(reply -> {
                    require(connection, reply, 334, "AUTH LOGIN user name");
                    return connection.command(base64(credentials.password()), "AUTH password", timeouts.auth());
                })
                .thenApply(reply -> authenticated(session, reply));
    }

    private static ClientSession authenticated(ClientSession session, SmtpReply reply) {
        require(session.connection(), reply, 235, "AUTH");
        return session;
    }

    private static void require(SmtpConnection connection, SmtpReply reply, int expected, String step) {
        if (reply.code() != expected) {
            throw refused(connection, reply, step);
        }
    }

    private static RuntimeException refused(SmtpConnection connection, SmtpReply reply, String step) {
        connection.quit(java.time.Duration.ofSeconds(5));
        return new SessionRefused(step, reply);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
