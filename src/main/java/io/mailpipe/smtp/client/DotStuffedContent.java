package io.mailpipe.smtp.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.stream.ChunkedInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The message content of a DATA command as a stream of chunks (RFC 5321 §4.1.1.4, §4.5.2): read from the message
 * source in small blocks, dot-stuffed and terminated by {@link DotStuffer}. Netty's chunked writer pulls a block
 * only when the connection can take it, so a large message is never held in memory whole.
 */
final class DotStuffedContent implements ChunkedInput<ByteBuf> {

    private static final int BLOCK = 16 * 1024;

    private final InputStream source;
    private final DotStuffer stuffer = new DotStuffer();
    private final byte[] block = new byte[BLOCK];
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(BLOCK + BLOCK / 8);
    private long produced;
    private boolean finished;

    DotStuffedContent(InputStream source) {
        this.source = source;
    }

    @Override
    public boolean isEndOfInput() {
        return finished;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    @Override
    @Deprecated
    public ByteBuf readChunk(io.netty.channel.ChannelHandlerContext ctx) throws IOException {
        return readChunk(ctx.alloc());
    }

    @Override
    public ByteBuf readChunk(ByteBufAllocator allocator) throws IOException {
        if (finished) {
            return null;
        }
        out.reset();
        int n = source.read(block);
        if (n < 0) {
            stuffer.finish(out);
            finished = true;
        } else {
            stuffer.stuff(block, 0, n, out);
        }
        produced += out.size();
        return Unpooled.wrappedBuffer(out.toByteArray());
    }

    @Override
    public long length() {
        return -1;
    }

    @Override
    public long progress() {
        return produced;
    }
}
