package io.mailpipe.smtp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The xtext encoding of DSN parameters (RFC 3461 §4): printable ASCII except "+" and "=" stands for itself, any
 * other octet is "+" and two hexadecimal digits. Also decodes the utf-8-addr-xtext / utf-8-addr-unitext forms of
 * RFC 6533 §3 ("\x{HEX}" escapes) used by ORCPT with the "utf-8" address type. Decoded octets must form UTF-8.
 */
public final class Xtext {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Xtext() {
    }

    /** Encodes the UTF-8 octets of {@code text}; hexchars use upper-case digits as RFC 3461 §4 requires. */
    public static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int octet = b & 0xFF;
            if (isXchar(octet)) {
                out.append((char) octet);
            } else {
                out.append('+').append(HEX[octet >> 4]).append(HEX[octet & 0x0F]);
            }
        }
        return out.toString();
    }

    /**
     * Decodes xtext. Hex digits are accepted in either case (liberal in what we accept).
     *
     * @throws IllegalArgumentException if {@code xtext} is not xtext or does not decode to UTF-8
     */
    public static String decode(String xtext) {
        ByteArrayOutputStream octets = new ByteArrayOutputStream(xtext.length());
        for (int i = 0; i < xtext.length(); i++) {
            char c = xtext.charAt(i);
            if (c == '+') {
                if (i + 2 >= xtext.length()) {
                    throw new IllegalArgumentException("truncated hexchar in xtext");
                }
                octets.write(hexValue(xtext.charAt(i + 1)) << 4 | hexValue(xtext.charAt(i + 2)));
                i += 2;
            } else if (isXchar(c)) {
                octets.write(c);
            } else {
                throw new IllegalArgumentException("character not allowed in xtext: U+" + Integer.toHexString(c));
            }
        }
        return strictUtf8(octets.toByteArray());
    }

    /** True if {@code text} is syntactically valid xtext whose octets decode as UTF-8. */
    public static boolean isValid(String text) {
        try {
            decode(text);
            return true;
        } catch (IllegalArgumentException invalid) {
            return false;
        }
    }

    /**
     * Decodes utf-8-addr-xtext or utf-8-addr-unitext (RFC 6533 §3): characters other than "+", "=", "\" and
     * controls stand for themselves (non-ASCII allowed), "\x{HEX}" is the Unicode scalar value HEX.
     *
     * @throws IllegalArgumentException on any other escape or character
     */
    public static String decodeUtf8Address(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (cp == '\\') {
                int close = text.indexOf('}', i);
                if (close < 0 || !text.startsWith("\\x{", i) || close - i - 3 < 1 || close - i - 3 > 6) {
                    throw new IllegalArgumentException("bad EmbeddedUnicodeChar in utf-8-addr-xtext");
                }
                out.appendCodePoint(scalarValue(text.substring(i + 3, close)));
                i = close + 1;
            } else if (cp == '+' || cp == '=' || cp <= 0x20 || cp == 0x7F || cp == 0xFFFD) {
                throw new IllegalArgumentException("character not allowed in utf-8-addr-xtext");
            } else {
                out.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
        }
        return out.toString();
    }

    private static boolean isXchar(int c) {
        return c >= 0x21 && c <= 0x7E && c != '+' && c != '=';
    }

    private static int hexValue(char c) {
        int value = Character.digit(c, 16);
        if (value < 0 || c > 'f') {
            throw new IllegalArgumentException("bad hex digit in xtext: " + c);
        }
        return value;
    }

    private static int scalarValue(String hex) {
        int cp = 0;
        for (int i = 0; i < hex.length(); i++) {
            cp = cp << 4 | hexValue(hex.charAt(i));
        }
        if (cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF) || cp < 0x20 || cp == 0x7F) {
            throw new IllegalArgumentException("not an allowed Unicode scalar value: " + hex);
        }
        return cp;
    }

    private static String strictUtf8(byte[] octets) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(octets)).toString();
        } catch (CharacterCodingException malformed) {
            throw new IllegalArgumentException("xtext does not decode to UTF-8", malformed);
        }
    }
}
