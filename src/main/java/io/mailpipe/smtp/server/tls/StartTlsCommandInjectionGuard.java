package io.mailpipe.smtp.server.tls;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

/**
 * Defence against STARTTLS command injection (CVE-2011-0411 and its relatives): plaintext a client (or an attacker
 * on the path) sent after the STARTTLS line, before the handshake, must never be executed as if it arrived over
 * TLS (RFC 3207 §4.2, RFC 7457 §2.2). The switch discards every byte already buffered behind STARTTLS and puts the
 * TLS handler in front of the pipeline before the 220 reply goes out, so nothing later is read as plaintext.
 */
public final class StartTlsCommandInjectionGuard {

    /** Name of the TLS handler in the channel pipeline. */
    public static final String TLS_HANDLER = "tls";

    private StartTlsCommandInjectionGuard() {
    }

    /**
     * Discards the plaintext buffered after the STARTTLS line and installs TLS in STARTTLS mode (the next write,
     * the 220 reply, still goes out in the clear). Returns the number of discarded bytes.
     */
    public static int switchToTls(Channel channel, SslContext context, ByteBuf bufferedPlaintext) {
        int discarded = bufferedPlaintext.readableBytes();
        bufferedPlaintext.skipBytes(discarded);
        SslHandler tls = new SslHandler(context.newEngine(channel.alloc()), true);
        channel.pipeline().addFirst(TLS_HANDLER, tls);
        return discarded;
    }
}
