package io.mailpipe.dkim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The header fields of a message read from its raw bytes up to the empty line that starts the body (RFC 5322 §2.1),
 * with folded fields kept whole, and the bottom-up selection of fields named in an h= list (RFC 6376 §5.4.2): each
 * occurrence of a name takes the next field of that name counting from the bottom, and a name with no field left
 * (over-signing) selects nothing.
 */
public final class HeaderSection {

    private final List<HeaderField> fields;

    public HeaderSection(List<HeaderField> fields) {
        this.fields = List.copyOf(fields);
    }

    public List<HeaderField> fields() {
        return fields;
    }

    /**
     * Reads the header section and consumes the empty line after it; the stream is left at the first body byte.
     * The stream is read byte by byte, so pass a buffered one.
     *
     * @throws HeaderTooLargeException when the section exceeds {@code maxBytes}
     */
    public static HeaderSection read(InputStream in, int maxBytes) throws IOException {
        List<HeaderField> fields = new ArrayList<>();
        ByteArrayOutputStream field = new ByteArrayOutputStream(256);
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int total = 0;
        while (true) {
            boolean terminated = readLine(in, line);
            total += line.size();
            if (total > maxBytes) {
                throw new HeaderTooLargeException(maxBytes);
            }
            byte[] bytes = line.toByteArray();
            line.reset();
            boolean empty = bytes.length == 0 || (bytes.length == 2 && bytes[0] == '\r');
            boolean continuation = bytes.length > 0 && Canonicalization.isWsp(bytes[0]);
            if (!continuation && field.size() > 0) {
                fields.add(HeaderField.of(field.toByteArray()));
                field.reset();
            }
            if (empty) {
                return new HeaderSection(fields);
            }
            field.writeBytes(bytes);
            if (!terminated) {
                fields.add(HeaderField.of(field.toByteArray()));
                return new HeaderSection(fields);
            }
        }
    }

    /** Reads up to and including CRLF; returns false at end of stream without a CRLF. */
    private static boolean readLine(InputStream in, ByteArrayOutputStream line) throws IOException {
        int previous = -1;
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n' && previous == '\r') {
                return true;
            }
            previous = b;
        }
        return false;
    }

    /** Fields named {@code name} (case-insensitive), top to bottom. */
    public List<HeaderField> all(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        List<HeaderField> found = new ArrayList<>();
        for (HeaderField f : fields) {
            if (f.name().equals(lower)) {
                found.add(f);
            }
        }
        return found;
    }

    /** Counts the fields of the given (lower-case) name. */
    public int count(String lowerName) {
        int n = 0;
        for (HeaderField f : fields) {
            if (f.name().equals(lowerName)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Selects the fields an h= list signs, in h= order, taking duplicates from the bottom up and skipping names
     * with no unused field left.
     */
    public List<HeaderField> select(List<String> signedNames) {
        Map<String, List<HeaderField>> byName = new HashMap<>();
        for (HeaderField f : fields) {
            byName.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
        }
        Map<String, Integer> used = new HashMap<>();
        List<HeaderField> selected = new ArrayList<>(signedNames.size());
        for (String signed : signedNames) {
            String lower = signed.toLowerCase(java.util.Locale.ROOT);
            List<HeaderField> candidates = byName.getOrDefault(lower, List.of());
            int skip = used.merge(lower, 1, Integer::sum) - 1;
            if (skip < candidates.size()) {
                selected.add(candidates.get(candidates.size() - 1 - skip));
            }
        }
        return selected;
    }
}
