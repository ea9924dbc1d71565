package io.mailpipe.dkim;

import java.io.IOException;
import java.io.InputStream;

/**
 * An unsynchronised buffered reader over the message stream: byte-at-a-time reads for the header section
 * (RFC 5322 §2.1) and bulk reads of the body that first drain what is buffered. One instance per message, one
 * thread.
 */
final class MessageInput extends InputStream {

    private static final int BUFFER_SIZE = 8192;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int position;
    private int limit;

    MessageInput(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position < limit) {
            int n = Math.min(length, limit - position);
            System.arraycopy(buffer, position, target, offset, n);
            position += n;
            return n;
        }
        return in.read(target, offset, length);
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, BUFFER_SIZE);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }
}
