package io.mailpipe.smtp.server.transport;

import io.mailpipe.smtp.server.tls.StartTlsCommandInjectionGuard;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

/**
 * Builds each connection's pipeline: on an implicit-TLS listener (RFC 8314 §3.3) the TLS handler comes first,
 * then the session handler; STARTTLS (RFC 3207) adds the TLS handler later.
 */
final class SmtpChannelInitializer extends ChannelInitializer<SocketChannel> {

    private final ServerContext server;

    SmtpChannelInitializer(ServerContext server) {
        this.server = server;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (server.config().implicitTls()) {
            channel.pipeline().addLast(StartTlsCommandInjectionGuard.TLS_HANDLER,
                    server.sslContext().newHandler(channel.alloc()));
        }
        channel.pipeline().addLast("smtp", new SessionChannelHandler(server));
    }
}
