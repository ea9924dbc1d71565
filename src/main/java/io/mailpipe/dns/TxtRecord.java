package io.mailpipe.dns;

import java.util.List;

/**
 * One TXT record (RFC 1035 §3.3.14) as its character-strings. Octets are mapped one to one onto chars
 * (ISO-8859-1), so nothing is lost and non-ASCII data stays visible to callers that must reject it.
 * {@link #text()} joins the strings without any separator, as RFC 7208 §3.3 and RFC 6376 §3.6.2.2 require.
 */
public record TxtRecord(List<String> strings) {

    public TxtRecord {
        strings = List.copyOf(strings);
    }

    public static TxtRecord of(String... strings) {
        return new TxtRecord(List.of(strings));
    }

    /** The character-strings concatenated with nothing in between. */
    public String text() {
        return String.join("", strings);
    }
}
