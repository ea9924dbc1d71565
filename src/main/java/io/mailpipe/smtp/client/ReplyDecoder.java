package io.mailpipe.smtp.client;

import io.mailpipe.smtp.SmtpReply;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Splits the server's byte stream into reply lines (RFC 5321 §2.3.8; a lone LF is tolerated as a line end) and
 * hands them to a {@link ReplyAssembler}, emitting one {@link SmtpReply} per complete reply. A line longer than the
 * limit fails with {@link SmtpProtocolException} as soon as the limit is passed, so a server can never make the
 * client buffer without bound. Text is read as UTF-8 (RFC 6531 allows it in replies); bad octets become U+FFFD.
 */
final class ReplyDecoder extends ByteToMessageDecoder {

    private final int maxLineLength;
    private final ReplyAssembler assembler;

    ReplyDecoder(int maxLineLength, int maxLines) {
        this.maxLineLength = maxLineLength;
        this.assembler = new ReplyAssembler(maxLines);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        while (in.isReadable()) {
            int lf = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            if (lf < 0) {
                if (in.readableBytes() > maxLineLength + 1) {
                    throw new SmtpProtocolException("reply line longer than " + maxLineLength + " octets");
                }
                return;
            }
            int length = lf - in.readerIndex();
            int textLength = length > 0 && in.getByte(lf - 1) == '\r' ? length - 1 : length;
            if (textLength > maxLineLength) {
                throw new SmtpProtocolException("reply line longer than " + maxLineLength + " octets");
            }
            String line = in.toString(in.readerIndex(), textLength, StandardCharsets.UTF_8);
            in.skipBytes(length + 1);
            SmtpReply reply = assembler.accept(line);
            if (reply != null) {
                out.add(reply);
            }
        }
    }
}
