package io.mailpipe.smtp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** xtext (RFC 3461 §4) and utf-8-addr-xtext (RFC 6533 §3) encoding and decoding. */
class XtextTest {

    @Test
    void encodesPlusEqualsSpaceAndNonAscii() {
        assertEquals("a+2Bb+3Dc+20d", Xtext.encode("a+b=c d"));
        assertEquals("j+C3+B6", Xtext.encode("jö"));
        assertEquals("plain~text!", Xtext.encode("plain~text!"));
    }

    @Test
    void decodesHexchars() {
        assertEquals("a+b=c d", Xtext.decode("a+2Bb+3Dc+20d"));
        assertEquals("jö", Xtext.decode("j+C3+B6"));
        assertEquals("a+b", Xtext.decode("a+2bb"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "simple", "with space", "+=\\", "ünïcödé", "\t\u007f", "a+2B"})
    void roundTrips(String text) {
        assertEquals(text, Xtext.decode(Xtext.encode(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a+", "a+2", "a+G1", "a=b", "a b", "+FF", "+C3", "é"})
    void refusesMalformedXtext(String text) {
        assertFalse(Xtext.isValid(text));
        assertThrows(IllegalArgumentException.class, () -> Xtext.decode(text));
    }

    @Test
    void validXtextIsValid() {
        assertTrue(Xtext.isValid("rfc822+3Ba@example.org"));
    }

    @Test
    void decodesUtf8AddressEscapes() {
        assertEquals("jösé@example.org", Xtext.decodeUtf8Address("j\\x{F6}s\\x{e9}@example.org"));
        assertEquals("jösé@example.org", Xtext.decodeUtf8Address("jösé@example.org"));
        assertEquals("\uD83D\uDE00@example.org", Xtext.decodeUtf8Address("\\x{1F600}@example.org"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\x{}b", "a\\x{D800}", "a\\x{110000}", "a\\y{41}", "a+b", "a=b", "a b", "a\\x{0A}",
        "a\\x{1234567}"})
    void refusesMalformedUtf8AddressXtext(String text) {
        assertThrows(IllegalArgumentException.class, () -> Xtext.decodeUtf8Address(text));
    }
}
