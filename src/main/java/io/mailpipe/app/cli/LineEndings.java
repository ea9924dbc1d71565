package io.mailpipe.app.cli;

import java.io.ByteArrayOutputStream;

/**
 * Messages read from files on Unix often end lines with LF alone, while DKIM hashes the CRLF wire form (RFC 5322
 * §2.1, RFC 6376 §3.4). A message with no CR at all is treated as such text: it is converted to CRLF for signing and
 * verifying, and a field added to it is written back with LF.
 */
final class LineEndings {

    private LineEndings() {
    }

    /** True when the message has LF line ends and no CR anywhere. */
    static boolean isUnixText(byte[] message) {
        boolean lineFeed = false;
        for (byte b : message) {
            if (b == '\r') {
                return false;
            }
            lineFeed |= b == '\n';
        }
        return lineFeed;
    }

    /** Each LF preceded by a CR. */
    static byte[] toCrlf(byte[] unixText) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(unixText.length + unixText.length / 32 + 16);
        for (byte b : unixText) {
            if (b == '\n') {
                out.write('\r');
            }
            out.write(b);
        }
        return out.toByteArray();
    }
}
