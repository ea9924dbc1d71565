package io.mailpipe.camel.support;

import org.apache.camel.Converter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Type conversions between {@link RawMessage} and the types Camel endpoints read and write, so a route can hand the
 * message to any endpoint (file, kafka, log) and a test can send plain bytes or text into a mail route.
 */
@Converter(generateLoader = true)
public final class RawMessageConverters {

    private RawMessageConverters() {
    }

    @Converter
    public static InputStream toInputStream(RawMessage message) throws IOException {
        return message.open();
    }

    @Converter
    public static byte[] toBytes(RawMessage message) {
        return message.toByteArray();
    }

    @Converter
    public static String toText(RawMessage message) {
        return new String(message.toByteArray(), StandardCharsets.UTF_8);
    }

    @Converter
    public static RawMessage fromBytes(byte[] bytes) {
        return RawMessage.of(bytes);
    }

    @Converter
    public static RawMessage fromText(String text) {
        return RawMessage.of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Converter
    public static RawMessage fromStream(InputStream in) throws IOException {
        return RawMessage.of(in.readAllBytes());
    }
}
