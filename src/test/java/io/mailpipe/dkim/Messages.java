package io.mailpipe.dkim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Small helpers for building and checking messages in DKIM tests. */
final class Messages {

    static final Clock FIXED = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

    private Messages() {
    }

    /** Turns bare LF line ends into CRLF, as a message arrives over SMTP (files stored with Unix line ends). */
    static byte[] crlf(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + data.length / 20);
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n' && (i == 0 || data[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(data[i]);
        }
        return out.toByteArray();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] prepend(List<String> fields, byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach(f -> out.writeBytes(bytes(f)));
        out.writeBytes(message);
        return out.toByteArray();
    }

    static List<DkimStatus> verify(DkimKeyLookup lookup, byte[] message) {
        return new DkimVerifier(lookup).verify(message).toCompletableFuture().join().results().stream()
                .map(DkimResult::status).toList();
    }
}
