package io.mailpipe.smtp.server.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * One server-side SASL exchange for the AUTH command (RFC 4954 §4): PLAIN (RFC 4616) or LOGIN
 * (draft-murchison-sasl-login). An instance serves one exchange; {@link #forName} makes a fresh one.
 */
public abstract class SaslMechanism {

    /** The mechanisms this server implements, in the order EHLO advertises them. */
    public static final String ADVERTISED = "PLAIN LOGIN";

    /** A fresh exchange for the mechanism name (case-insensitive), or empty if not supported. */
    public static Optional<SaslMechanism> forName(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "PLAIN" -> Optional.of(new PlainMechanism());
            case "LOGIN" -> Optional.of(new LoginMechanism());
            default -> Optional.empty();
        };
    }

    public abstract String name();

    /** The first step, given the AUTH command's initial response (null when absent; "=" means empty). */
    public abstract SaslStep start(String initialResponse);

    /** The next step, given the client's answer to the last challenge. */
    public abstract SaslStep respond(String line);

    /** Decodes a base64 client response ("=" stands for an empty one); empty when it is not valid base64. */
    protected static Optional<byte[]> decode(String response) {
        if ("=".equals(response)) {
            return Optional.of(new byte[0]);
        }
        try {
            return Optional.of(Base64.getDecoder().decode(response.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    protected static boolean isCancel(String response) {
        return "*".equals(response.strip());
    }

    /** Strict UTF-8 decoding into a char array that can be cleared; empty when the bytes are not UTF-8. */
    protected static Optional<char[]> utf8(byte[] bytes, int from, int to) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from));
            char[] out = new char[chars.remaining()];
            chars.get(out);
            return Optional.of(out);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
