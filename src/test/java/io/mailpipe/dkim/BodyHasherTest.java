package io.mailpipe.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Body canonicalisation and hashing (RFC 6376 §3.4.3, §3.4.4, §3.5 l=) against vectors and a line-based reference. */
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

    /** A line-by-line transcription of RFC 6376 §3.4.3 and §3.4.4, to compare the streaming state machine with. */
    private static String reference(Canonicalization c, String body) {
        String text = body.isEmpty() || body.endsWith("\r\n") ? body : body + "\r\n";
        List<String> lines = new ArrayList<>(List.of(text.split("\r\n", -1)));
        lines.remove(lines.size() - 1);
        if (c == Canonicalization.RELAXED) {
            lines.replaceAll(line -> line.replaceAll("[ \t]+", " ").replaceAll(" \\z", ""));
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> out.append(line).append("\r\n"));
        return out.length() == 0 && c == Canonicalization.SIMPLE ? "\r\n" : out.toString();
    }

    @Test
    void streamingMatchesTheReferenceOnRandomBodiesAndChunkings() {
        Random random = new Random(6376);
        String alphabet = "ab \t\r\n\r\n.";
        for (int n = 0; n < 3000; n++) {
            StringBuilder body = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                body.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            int chunk = 1 + random.nextInt(9);
            for (Canonicalization c : Canonicalization.values()) {
                assertEquals(sha(reference(c, body.toString())), hash(c, body.toString(), chunk),
                        c + " " + body.toString().replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t"));
            }
        }
    }

    @Test
    void largeBodiesMatchTheReferenceAcrossBufferBoundaries() {
        Random random = new Random(8463);
        StringBuilder body = new StringBuilder("x" + "y".repeat(8191) + "\r\n");
        while (body.length() < 200_000) {
            int word = random.nextInt(random.nextInt(10) == 0 ? 9000 : 12);
            body.append("w".repeat(word)).append(random.nextInt(5) == 0 ? "\r\n" : random.nextBoolean() ? " " : "\t ");
        }
        for (int chunk : new int[] {1, 8191, 65536}) {
            for (Canonicalization c : Canonicalization.values()) {
                assertEquals(sha(reference(c, body.toString())), hash(c, body.toString(), chunk), c + " " + chunk);
            }
        }
    }
}
