package io.mailpipe.dkim;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * The two DKIM canonicalisation algorithms, simple and relaxed, for header fields (RFC 6376 §3.4.1, §3.4.2).
 * Body canonicalisation (§3.4.3, §3.4.4) is streamed by {@link BodyHasher}. Works on raw bytes, never on decoded
 * text, so 8-bit and UTF-8 header content is hashed exactly as it travels.
 */
public enum Canonicalization {
    SIMPLE("simple"),
    RELAXED("relaxed");

    private final String tagValue;

    Canonicalization(String tagValue) {
        this.tagValue = tagValue;
    }

    public String tagValue() {
        return tagValue;
    }

    public static Optional<Canonicalization> fromTag(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        for (Canonicalization c : values()) {
            if (c.tagValue.equals(lower)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * Canonicalises one complete header field as it appears in the message (name, colon, value, folding and the
     * terminating CRLF if present). Simple returns the bytes unchanged; relaxed lower-cases the name, unfolds,
     * reduces whitespace runs to one space, trims the value and ends the field with CRLF.
     */
    public byte[] header(byte[] field) {
        if (this == SIMPLE) {
            return field;
        }
        int colon = indexOf(field, (byte) ':');
        if (colon < 0) {
            return field;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(field.length + 2);
        int nameEnd = colon;
        while (nameEnd > 0 && isWsp(field[nameEnd - 1])) {
            nameEnd--;
        }
        for (int i = 0; i < nameEnd; i++) {
            byte b = field[i];
            out.write(b >= 'A' && b <= 'Z' ? b + 32 : b);
        }
        out.write(':');
        writeRelaxedValue(field, colon + 1, out);
        out.write('\r');
        out.write('\n');
        return out.toByteArray();
    }

    private static void writeRelaxedValue(byte[] field, int start, ByteArrayOutputStream out) {
        boolean pendingSpace = false;
        boolean started = false;
        int end = field.length;
        for (int i = start; i < end; i++) {
            byte b = field[i];
            if (b == '\r' && i + 1 < end && field[i + 1] == '\n') {
                i++;
                continue;
            }
            if (isWsp(b)) {
                pendingSpace = started;
                continue;
            }
            if (pendingSpace) {
                out.write(' ');
                pendingSpace = false;
            }
            out.write(b);
            started = true;
        }
    }

    /** The header field name as written, without trailing whitespace, lower-cased (for comparisons). */
    static String fieldName(byte[] field) {
        int colon = indexOf(field, (byte) ':');
        int end = colon < 0 ? field.length : colon;
        while (end > 0 && isWsp(field[end - 1])) {
            end--;
        }
        return new String(field, 0, end, java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    }

    static boolean isWsp(byte b) {
        return b == ' ' || b == '\t';
    }

    private static int indexOf(byte[] data, byte wanted) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
