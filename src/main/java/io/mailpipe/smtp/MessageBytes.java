package io.mailpipe.smtp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The octets of one message (RFC 5322 text as received), re-readable because a message is checked, stored and
 * delivered, possibly more than once; wherever they live (memory, a spool file, a Kafka record). The length is the
 * octet count before any dot-stuffing, as the SIZE parameter states it (RFC 1870 §6).
 */
public interface MessageBytes {

    InputStream open() throws IOException;

    long length();

    /** Bytes held in memory (small messages, reports, tests); the array is not copied and must not change. */
    static MessageBytes of(byte[] bytes) {
        return new MessageBytes() {
            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public long length() {
                return bytes.length;
            }
        };
    }
}
