package io.mailpipe.camel.observe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the Message-ID field (RFC 5322 §3.6.4) from the header section of raw message octets, unfolding it
 * (§2.2.3); stops at the end of the header section or after {@value #MAX_HEADER_OCTETS} octets.
 */
public final class MessageIds {

    static final int MAX_HEADER_OCTETS = 65536;

    private MessageIds() {
    }

    /** The field body, trimmed, or null when the message has none. */
    public static String read(InputStream message) throws IOException {
        String value = null;
        int read = 0;
        String line;
        while (read < MAX_HEADER_OCTETS && (line = nextLine(message)) != null && !line.isEmpty()) {
            read += line.length() + 2;
            if (value != null && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                value = value + " " + line.trim();
            } else if (value != null) {
                return value.trim();
            } else if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                value = line.substring(11);
            }
        }
        return value == null ? null : value.trim();
    }

    private static String nextLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b = 0;
        while (line.size() < MAX_HEADER_OCTETS && (b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }
}
