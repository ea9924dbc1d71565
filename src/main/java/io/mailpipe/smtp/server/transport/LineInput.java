package io.mailpipe.smtp.server.transport;

import io.mailpipe.smtp.CommandLineReader;
import io.netty.buffer.ByteBuf;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Bridges a Netty buffer to the line reader of RFC 5321 §2.3.8, advancing the buffer by what the reader took. */
final class LineInput {

    private LineInput() {
    }

    static CommandLineReader.Line next(CommandLineReader reader, ByteBuf input) {
        ByteBuffer view = input.nioBuffer(input.readerIndex(), input.readableBytes());
        int start = view.position();
        CommandLineReader.Line line = reader.next(view);
        input.skipBytes(view.position() - start);
        return line;
    }

    /** Feeds a byte consumer from the buffer the same way; returns what the consumer returned. */
    static boolean feed(ByteConsumer consumer, ByteBuf input) throws IOException {
        ByteBuffer view = input.nioBuffer(input.readerIndex(), input.readableBytes());
        int start = view.position();
        boolean done = consumer.feed(view);
        input.skipBytes(view.position() - start);
        return done;
    }

    /** Something that takes bytes from a buffer, leaving what it does not want (DataDecoder, BdatChunkReader). */
    @FunctionalInterface
    interface ByteConsumer {
        boolean feed(ByteBuffer bytes) throws IOException;
    }
}
