package io.mailpipe.camel.support;

import io.mailpipe.smtp.MessageBytes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The exchange body of every mail route: the RFC 5322 message exactly as received (RFC 5321 §4.4 keeps the
 * received text intact), with the header fields that pipeline steps add (Received-SPF, DKIM-Signature,
 * Authentication-Results…) kept as separate top fields in front of it, so adding a field never re-serialises or
 * copies the message. Immutable: every change returns a new instance. A field added under a key replaces the earlier
 * field with that key in place, which lets a step rewrite the field it added (RFC 8601 §5: one
 * Authentication-Results field per authserv-id).
 */
public final class RawMessage implements MessageBytes {

    private record TopField(String key, byte[] bytes) {
    }

    private final List<TopField> topFields;
    private final MessageBytes source;

    private RawMessage(List<TopField> topFields, MessageBytes source) {
        this.topFields = topFields;
        this.source = source;
    }

    public static RawMessage of(MessageBytes source) {
        return new RawMessage(List.of(), Objects.requireNonNull(source));
    }

    public static RawMessage of(byte[] bytes) {
        byte[] copy = bytes.clone();
        return of(MessageBytes.of(copy));
    }

    /** A new message with {@code field} (a complete header field ending in CRLF) on top of all others. */
    public RawMessage prepend(byte[] field) {
        return withTopField(null, field);
    }

    /**
     * A new message where the top field registered under {@code key} is replaced by {@code field} in place, or, if
     * there is none, {@code field} is prepended under that key.
     */
    public RawMessage withTopField(String key, byte[] field) {
        requireFieldLine(field);
        List<TopField> fields = new ArrayList<>(topFields.size() + 1);
        boolean replaced = false;
        for (TopField existing : topFields) {
            if (key != null && key.equals(existing.key())) {
                fields.add(new TopField(key, field.clone()));
                replaced = true;
            } else {
                fields.add(existing);
            }
        }
        if (!replaced) {
            fields.add(0, new TopField(key, field.clone()));
        }
        return new RawMessage(Collections.unmodifiableList(fields), source);
    }

    /** The whole message: added fields first, then the message as received. */
    @Override
    public InputStream open() throws IOException {
        List<InputStream> parts = new ArrayList<>(topFields.size() + 1);
        for (TopField field : topFields) {
            parts.add(new ByteArrayInputStream(field.bytes()));
        }
        parts.add(source.open());
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    @Override
    public long length() {
        long total = source.length();
        for (TopField field : topFields) {
            total += field.bytes().length;
        }
        return total;
    }

    public void writeTo(OutputStream out) throws IOException {
        try (InputStream in = open()) {
            in.transferTo(out);
        }
    }

    /** The whole message in one array; for small messages and tests only. */
    public byte[] toByteArray() {
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireFieldLine(byte[] field) {
        int n = field.length;
        if (n < 3 || field[n - 2] != '\r' || field[n - 1] != '\n' || field[0] == ' ' || field[0] == '\t') {
            throw new IllegalArgumentException("a header field must start with its name and end with CRLF");
        }
    }
}
