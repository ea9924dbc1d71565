package io.mailpipe.smtp.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sender-side transparency (RFC 5321 §4.5.2) under every split of the input into chunks. */
class DotStufferTest {

    private static String stuffInChunks(String input, int chunk) {
        byte[] bytes = input.getBytes(StandardCharsets.ISO_8859_1);
        DotStuffer stuffer = new DotStuffer();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < bytes.length; i += chunk) {
            stuffer.stuff(bytes, i, Math.min(chunk, bytes.length - i), out);
        }
        stuffer.finish(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static void assertStuffed(String expected, String input) {
        for (int chunk = 1; chunk <= Math.max(1, input.length()); chunk++) {
            assertEquals(expected, stuffInChunks(input, chunk), "chunk size " + chunk);
        }
    }

    @Test
    void leadingDotsAreDoubled() {
        assertStuffed("..hidden\r\na.b\r\n...\r\n.\r\n", ".hidden\r\na.b\r\n..\r\n");
    }

    @Test
    void aLoneDotLineCannotEndTheDataEarly() {
        assertStuffed("a\r\n..\r\nb\r\n.\r\n", "a\r\n.\r\nb\r\n");
    }

    @Test
    void missingFinalLineEndIsAdded() {
        assertStuffed("no newline\r\n.\r\n", "no newline");
        assertStuffed("cr only\r\n.\r\n", "cr only\r");
    }

    @Test
    void bareLineFeedsBecomeCrLf() {
        assertStuffed("a\r\n..b\r\n.\r\n", "a\n.b\n");
    }

    @Test
    void emptyMessageIsJustTheTerminator() {
        assertStuffed(".\r\n", "");
    }

    @Test
    void chunkedContentProducesTheSameBytes() throws Exception {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            big.append(i % 7 == 0 ? ".dot line " : "line ").append(i).append("\r\n");
        }
        DotStuffedContent content = new DotStuffedContent(
                new ByteArrayInputStream(big.toString().getBytes(StandardCharsets.US_ASCII)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (!content.isEndOfInput()) {
            var chunk = content.readChunk(io.netty.buffer.ByteBufAllocator.DEFAULT);
            byte[] bytes = new byte[chunk.readableBytes()];
            chunk.readBytes(bytes);
            chunk.release();
            out.write(bytes);
        }
        assertEquals(stuffInChunks(big.toString(), 1000), out.toString(StandardCharsets.US_ASCII));
        assertEquals(out.size(), content.progress());
    }
}
