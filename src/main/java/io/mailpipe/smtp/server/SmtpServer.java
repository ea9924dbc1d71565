package io.mailpipe.smtp.server;

import io.mailpipe.smtp.server.transport.SmtpTransport;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * An ESMTP server (RFC 5321 with SIZE, PIPELINING, 8BITMIME, SMTPUTF8, ENHANCEDSTATUSCODES, CHUNKING, BINARYMIME,
 * DSN, STARTTLS and AUTH) that hands every received message to a {@link MessageReceiver} and answers the end of
 * data only when the receiver is done. Lifecycle: {@link #start()}, then {@link #stop()} (graceful, RFC 5321 §3.8:
 * 421 to new and idle sessions, messages in progress finish within the shutdown timeout).
 */
public final class SmtpServer {

    private final SmtpServerConfig config;
    private final MessageReceiver receiver;
    private volatile SmtpTransport transport;
    private volatile InetSocketAddress boundAddress;
    private volatile boolean running;

    public SmtpServer(SmtpServerConfig config, MessageReceiver receiver) {
        this.config = Objects.requireNonNull(config, "config");
        this.receiver = Objects.requireNonNull(receiver, "receiver");
    }

    /** Binds the listener and starts accepting connections. */
    public synchronized void start() throws InterruptedException {
        if (transport != null) {
            throw new IllegalStateException("already started");
        }
        SmtpTransport bound = new SmtpTransport(config, receiver);
        bound.bind();
        boundAddress = bound.localAddress();
        transport = bound;
        running = true;
    }

    /** The bound address; with port 0 this tells the ephemeral port chosen. */
    public InetSocketAddress localAddress() {
        InetSocketAddress address = boundAddress;
        if (address == null) {
            throw new IllegalStateException("not started");
        }
        return address;
    }

    /** Graceful stop; blocks up to the shutdown timeout plus a few seconds. Idempotent. */
    public synchronized void stop() throws InterruptedException {
        if (transport == null || !running) {
            return;
        }
        running = false;
        transport.shutdown(config.shutdownTimeout());
    }

    /** True from start until stop begins: the readiness answer. */
    public boolean isAcceptingMail() {
        return running && !transport.draining();
    }

    /** True once a stop has begun. */
    public boolean draining() {
        return transport != null && !running;
    }

    /** Sessions currently open (admitted connections not yet closed). */
    public int openSessions() {
        return transport == null ? 0 : transport.openSessions();
    }

    public SmtpServerConfig config() {
        return config;
    }
}
