package io.mailpipe.smtp.client;

import java.io.ByteArrayOutputStream;

/**
 * Transparency for the DATA command on the sending side (RFC 5321 §4.5.2): a "." that starts a line gets a second
 * "." in front of it, and a lone LF is sent as CRLF (RFC 5321 §2.3.8: bare LF is not a line ending on the wire).
 * Works on chunks of a stream and keeps the state of the last byte between chunks, so nothing is ever held whole;
 * {@link #finish} appends the terminating CRLF "." CRLF, preceded by a CRLF when the message did not end a line.
 */
public final class DotStuffer {

    private boolean atLineStart = true;
    private boolean lastWasCr;

    /**
     * Writes the stuffed form of {@code length} bytes of {@code input} from {@code offset} to {@code out}: the runs
     * between insertions in one write each, since every write to the stream takes its lock.
     */
    public void stuff(byte[] input, int offset, int length, ByteArrayOutputStream out) {
        int end = offset + length;
        int run = offset;
        for (int i = offset; i < end; i++) {
            byte b = input[i];
            boolean bareLf = b == '\n' && !lastWasCr;
            if (bareLf || (atLineStart && b == '.')) {
                out.write(input, run, i - run);
                out.write(bareLf ? '\r' : '.');
                run = i;
            }
            atLineStart = b == '\n';
            lastWasCr = b == '\r';
        }
        out.write(input, run, end - run);
    }

    /** Writes the end-of-data sequence. */
    public void finish(ByteArrayOutputStream out) {
        if (lastWasCr) {
            out.write('\n');
        } else if (!atLineStart) {
            out.write('\r');
            out.write('\n');
        }
        out.write('.');
        out.write('\r');
        out.write('\n');
        atLineStart = true;
        lastWasCr = false;
    }
}
