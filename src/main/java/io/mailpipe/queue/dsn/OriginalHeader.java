package io.mailpipe.queue.dsn;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies the header section of a message (RFC 5322 §2.1: everything before the first empty line) for the
 * text/rfc822-headers part of a DSN (RFC 6522 §4), line by line, stopping at the empty line.
 */
final class OriginalHeader {

    private OriginalHeader() {
    }

    static void copy(InputStream message, OutputStream out) throws IOException {
        BufferedInputStream in = new BufferedInputStream(message, 8192);
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                if (line.size() <= 2 && (line.size() == 1 || line.toByteArray()[0] == '\r')) {
                    return;
                }
                line.writeTo(out);
                line.reset();
            }
        }
        line.writeTo(out);
    }
}
