package io.mailpipe.smtp.server.transport;

import io.netty.buffer.ByteBuf;

/**
 * How a session reads its input right now: command lines (RFC 5321 §2.3.8, §4.5.3.1.4), SASL responses
 * (RFC 4954 §4), DATA content (RFC 5321 §4.1.1.4) or a BDAT chunk (RFC 3030 §2).
 */
interface InputMode {

    /** Consumes what it can from the buffered input; false when it needs more bytes to go on. */
    boolean process(ByteBuf input);

    /** True while reading message content, where the data timeout applies (RFC 5321 §4.5.3.2.5). */
    default boolean readingContent() {
        return false;
    }
}
