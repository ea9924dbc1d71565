package io.mailpipe.smtp.server.transport;

import io.mailpipe.smtp.netty.NettyTransport;
import io.mailpipe.smtp.server.MessageReceiver;
import io.mailpipe.smtp.server.SmtpServerConfig;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The Netty listener behind {@link io.mailpipe.smtp.server.SmtpServer}: epoll (or NIO) event loops, as many as
 * {@link SmtpServerConfig#ioThreads()}, one acceptor thread, the session pipeline of {@link SmtpChannelInitializer},
 * and the drain-then-close shutdown of RFC 5321 §3.8 (421 to new and idle sessions, sessions in DATA/BDAT finish
 * their message first).
 */
public final class SmtpTransport {

    private final ServerContext server;
    private EventLoopGroup acceptor;
    private EventLoopGroup workers;
    private Channel listener;

    public SmtpTransport(SmtpServerConfig config, MessageReceiver receiver) {
        this.server = new ServerContext(config, receiver);
    }

    /** Binds the listening socket; blocks until bound. */
    public void bind() throws InterruptedException {
        NettyTransport transport = NettyTransport.best();
        acceptor = transport.newEventLoopGroup(1, new DefaultThreadFactory("mailpipe-smtpd-accept"));
        workers = transport.newEventLoopGroup(server.config().ioThreads(),
                new DefaultThreadFactory("mailpipe-smtpd-io"));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new SmtpChannelInitializer(server));
        try {
            listener = bootstrap.bind(server.config().host(), server.config().port()).sync().channel();
        } catch (InterruptedException | RuntimeException e) {
            shutdownEventLoops();
            throw e;
        }
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) listener.localAddress();
    }

    public boolean draining() {
        return server.gate().draining();
    }

    public int openSessions() {
        return server.channels().size();
    }

    /**
     * Stops taking mail: new connections get 421 4.3.2, idle sessions get 421 and close, sessions receiving a
     * message finish it; waits up to the timeout for them, then closes everything.
     */
    public void shutdown(Duration timeout) throws InterruptedException {
        server.gate().drain();
        for (Channel channel : server.channels()) {
            SessionChannelHandler handler = channel.pipeline().get(SessionChannelHandler.class);
            if (handler != null) {
                channel.eventLoop().execute(handler::drain);
            }
        }
        server.channels().newCloseFuture().await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        listener.close().sync();
        server.channels().close().await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        shutdownEventLoops();
    }

    private void shutdownEventLoops() throws InterruptedException {
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).await();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).await();
    }
}
