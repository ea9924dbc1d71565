package io.mailpipe.smtp.netty;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.ThreadFactory;

/**
 * The socket transport under the SMTP server and client (RFC 5321 §2.1 runs over TCP): Linux epoll when Netty's
 * native library loads, which saves the selector bookkeeping and a system call or two per read, else Java NIO.
 * Event loops and channel classes always come from the same choice, as Netty requires.
 */
public enum NettyTransport {
    EPOLL, NIO;

    /** Epoll where available; {@code -Dmailpipe.netty.transport=nio} forces NIO. */
    public static NettyTransport best() {
        boolean nioForced = "nio".equalsIgnoreCase(System.getProperty("mailpipe.netty.transport"));
        return !nioForced && Epoll.isAvailable() ? EPOLL : NIO;
    }

    /** An event loop group of {@code threads} threads (0: Netty's default, twice the processors). */
    public EventLoopGroup newEventLoopGroup(int threads, ThreadFactory threadFactory) {
        return new MultiThreadIoEventLoopGroup(threads, threadFactory, ioHandlerFactory());
    }

    public Class<? extends ServerChannel> serverChannel() {
        return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public Class<? extends SocketChannel> socketChannel() {
        return this == EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    private IoHandlerFactory ioHandlerFactory() {
        return this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }
}
