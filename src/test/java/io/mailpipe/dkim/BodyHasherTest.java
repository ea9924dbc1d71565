package io.mailpipe.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BodyHasherTest {

    private static String hash(Canonicalization c, String body, int chunk) {
        BodyHasher hasher = new BodyHasher(c);
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i += chunk) {
            hasher.update(bytes, i, Math.min(chunk, bytes.length - i));
        }
        return Base64.getEncoder().encodeToString(hasher.finish());
    }

    private static String sha(String canonical) {
        return Base64.getEncoder().encodeToString(Hashing.sha256().digest(
                canonical.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** Every row of the vendored body-hash table, fed in chunks of several sizes (CRLF split across chunks). */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 4096})
    void reproducesTheVendoredBodyHashTable(int chunk) {
        int rows = 0;
        for (String line : TestResources.text("rfc6376-appendix/body-hash-vectors.tsv").split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t");
            Canonicalization c = Canonicalization.fromTag(cols[1]).orElseThrow();
            String body = inputBody(cols[0]);
            assertEquals(cols[2], hash(c, body, chunk), cols[0] + " " + cols[1]);
            rows++;
        }
        assertEquals(12, rows);
    }

    private static String inputBody(String label) {
        if (label.startsWith("one-space")) {
            return "Hi.\r\n\r\nWe lost the game. Are you hungry yet?\r\n\r\nJoe.\r\n";
        }
        if (label.startsWith("two-space")) {
            return "Hi.\r\n\r\nWe lost the game.  Are you hungry yet?\r\n\r\nJoe.\r\n";
        }
        if (label.startsWith("empty body")) {
            return "";
        }
        if (label.startsWith("body \"\\r\\n\\r\\n\"")) {
            return "\r\n\r\n";
        }
        if (label.startsWith("no final CRLF")) {
            return "abc";
        }
        return "a \t\r\n\r\n\r\n";
    }

    @Test
    void simpleKeepsInnerEmptyLinesAndWhitespace() {
        assertEquals(sha("a  b \r\n\r\n\r\nc\r\n"), hash(Canonicalization.SIMPLE, "a  b \r\n\r\n\r\nc\r\n\r\n", 5));
    }

    @Test
    void relaxedReducesWhitespaceAndKeepsLeadingSpaceAsOne() {
        assertEquals(sha(" a b\r\n\r\nc\r\n"), hash(Canonicalization.RELAXED, " \t a \t b \t\r\n \t\r\nc", 2));
    }

    @Test
    void bareCarriageReturnIsContent() {
        assertEquals(sha("a\rb\r\n"), hash(Canonicalization.SIMPLE, "a\rb\r\n", 1));
        assertEquals(sha("a\r\r\n"), hash(Canonicalization.RELAXED, "a\r", 1));
    }

    @Test
    void bodyLengthLimitHashesOnlyThePrefixButCountsAll() {
        BodyHasher hasher = new BodyHasher(Canonicalization.SIMPLE, 5);
        hasher.update("hello world\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] hash = hasher.finish();
        assertEquals(sha("hello"), Base64.getEncoder().encodeToString(hash));
        assertEquals(13, hasher.canonicalLength());
    }
}
