package io.mailpipe.smtp;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Splits the command stream into lines (RFC 5321 §2.3.8), with a limit on the octets of one line including its
 * CRLF (§4.5.3.1.4: at least 512). A bare LF also ends a command line, as many clients send it; a CR before the
 * LF is removed, any other CR stays in the line (where {@link CommandParser} refuses it). An over-long line is
 * consumed to its end without keeping the excess and is reported with {@code tooLong} and no bytes, so no part of
 * it can ever be executed. Never consumes past the line it returns: the caller may switch to DATA/BDAT right
 * after. Keeps state between calls; one instance per connection, not thread-safe.
 */
public final class CommandLineReader {

    /** A complete line without its line ending; {@code bytes} is empty when {@code tooLong}. */
    public record Line(byte[] bytes, boolean tooLong) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Line other && other.tooLong == tooLong && Arrays.equals(other.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(bytes) + Boolean.hashCode(tooLong);
        }

        @Override
        public String toString() {
            return "Line[" + bytes.length + " bytes" + (tooLong ? ", too long]" : "]");
        }
    }

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final int INITIAL_CAPACITY = 128;

    private final int maxContentOctets;
    private byte[] buffer;
    private int length;
    private boolean tooLong;

    /** @param maxLineLength most octets in a line including CRLF; at least 3 */
    public CommandLineReader(int maxLineLength) {
        if (maxLineLength < 3) {
            throw new IllegalArgumentException("line length limit too small: " + maxLineLength);
        }
        this.maxContentOctets = maxLineLength - 2;
        this.buffer = new byte[Math.min(INITIAL_CAPACITY, maxLineLength)];
    }

    /** Consumes bytes of {@code in} up to and including the next line end; null if the line is not complete. */
    public Line next(ByteBuffer in) {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == LF) {
                return finishLine();
            }
            append(b);
        }
        return null;
    }

    /** Keeps at most the content limit plus one octet, the CR that may precede the LF. */
    private void append(byte b) {
        if (tooLong) {
            return;
        }
        if (length == maxContentOctets + 1) {
            tooLong = true;
            return;
        }
        if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, maxContentOctets + 1));
        }
        buffer[length++] = b;
    }

    private Line finishLine() {
        int contentLength = length > 0 && buffer[length - 1] == CR ? length - 1 : length;
        boolean over = tooLong || contentLength > maxContentOctets;
        Line line = new Line(over ? new byte[0] : Arrays.copyOf(buffer, contentLength), over);
        length = 0;
        tooLong = false;
        return line;
    }
}
