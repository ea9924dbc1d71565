package io.mailpipe.smtp.server.transport;

import io.mailpipe.smtp.SmtpReplies;
import io.mailpipe.smtp.SmtpReply;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

import java.net.InetSocketAddress;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * Netty side of one connection: admission (421 instead of the greeting, RFC 5321 §3.1), the 220 greeting
 * (§4.3.1; after the handshake on an implicit-TLS listener, RFC 8314 §3.3), inbound bytes into the session,
 * TLS handshake results (RFC 3207 §4.2) and clean-up when the connection goes away.
 */
final class SessionChannelHandler extends ChannelInboundHandlerAdapter {

    private final ServerContext server;
    private SmtpSession session;
    private SessionTimeouts timeouts;
    private InetSocketAddress client;

    SessionChannelHandler(ServerContext server) {
        this.server = server;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        client = (InetSocketAddress) ctx.channel().remoteAddress();
        Optional<SmtpReply> refusal = server.gate().enter(client);
        if (refusal.isPresent()) {
            client = null;
            ctx.writeAndFlush(Unpooled.wrappedBuffer(refusal.get().toWire())).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        server.metrics().connectionOpened();
        server.channels().add(ctx.channel());
        session = new SmtpSession(server, ctx.channel());
        timeouts = new SessionTimeouts(session, server.config().commandTimeout(), server.config().dataTimeout());
        timeouts.start();
        if (!server.config().implicitTls()) {
            greet();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf bytes = (ByteBuf) msg;
        try {
            if (session == null) {
                return;
            }
            server.metrics().bytesReceived(bytes.readableBytes());
            timeouts.touch();
            session.received(bytes);
        } finally {
            bytes.release();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent handshake && session != null) {
            if (!handshake.isSuccess()) {
                ctx.close();
                return;
            }
            SSLSession tls = ctx.pipeline().get(SslHandler.class).engine().getSession();
            session.tlsEstablished(tls.getProtocol(), tls.getCipherSuite());
            server.metrics().tlsEstablished(tls.getProtocol(), tls.getCipherSuite());
            if (server.config().implicitTls()) {
                greet();
            }
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (session != null) {
            timeouts.stop();
            session.closed();
            server.gate().leave(client);
            server.metrics().connectionClosed();
            server.metrics().sessionEnded(session.summary());
            session = null;
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    /** Graceful shutdown of this connection; runs on its event loop. */
    void drain() {
        if (session != null) {
            session.drain();
        }
    }

    private void greet() {
        session.reply(SmtpReplies.greeting(server.config().serverName()));
        session.flush();
    }
}
