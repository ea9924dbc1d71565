package io.mailpipe.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Header canonicalisation, simple and relaxed (RFC 6376 §3.4.1, §3.4.2, example §3.4.5). */
class CanonicalizationTest {

    private static String relaxed(String field) {
        return new String(Canonicalization.RELAXED.header(field.getBytes(StandardCharsets.ISO_8859_1)),
                StandardCharsets.ISO_8859_1);
    }

    @Test
    void relaxedHeaderFollowsRfc6376Example() {
        // RFC 6376 §3.4.5 example
        assertEquals("a:X\r\n", relaxed("A: X\r\n"));
        assertEquals("b:Y Z\r\n", relaxed("B : Y\t\r\n\tZ  \r\n"));
    }

    @Test
    void relaxedKeepsEightBitBytesAndLowercasesOnlyAscii() {
        assertEquals("subject:Gr\u00fc\u00dfe \u00c4\r\n", relaxed("SUBJECT:\t Gr\u00fc\u00dfe   \u00c4 \t\r\n"));
    }

    @Test
    void simpleHeaderIsUnchanged() {
        byte[] field = "Subject :  x \r\n y\r\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(new String(field, StandardCharsets.US_ASCII), new String(Canonicalization.SIMPLE.header(field),
                StandardCharsets.US_ASCII));
    }

    @Test
    void emptyValueBecomesNameColonCrlf() {
        assertEquals("x-empty:\r\n", relaxed("X-Empty:   \r\n"));
    }
}
