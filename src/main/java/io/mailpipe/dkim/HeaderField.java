package io.mailpipe.dkim;

import java.nio.charset.StandardCharsets;

/**
 * One header field exactly as it appears in the message: name, colon, value with any folding, and the terminating
 * CRLF (absent only when the message ends inside the field). RFC 5322 §2.2, §2.2.3.
 *
 * @param name the field name, lower-cased, for case-insensitive matching (RFC 6376 §3.7)
 * @param raw the bytes of the field
 */
public record HeaderField(String name, byte[] raw) {

    public static HeaderField of(byte[] raw) {
        return new HeaderField(Canonicalization.fieldName(raw), raw);
    }

    /** The value after the colon (folding kept, terminating CRLF removed), bytes read as ISO-8859-1. */
    public String value() {
        int colon = 0;
        while (colon < raw.length && raw[colon] != ':') {
            colon++;
        }
        int end = raw.length;
        if (end >= 2 && raw[end - 2] == '\r' && raw[end - 1] == '\n') {
            end -= 2;
        }
        int start = Math.min(colon + 1, end);
        return new String(raw, start, end - start, StandardCharsets.ISO_8859_1);
    }
}
