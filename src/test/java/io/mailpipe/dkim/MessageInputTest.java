package io.mailpipe.dkim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Header-then-body reading over streams that return short reads loses and reorders nothing. */
class MessageInputTest {

    /** A stream that hands out at most a few bytes per read, like a slow socket. */
    private static InputStream trickle(byte[] data) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 3));
            }
        };
    }

    @Test
    void singleByteThenBulkReadsReturnTheWholeStreamInOrder() throws IOException {
        byte[] data = new byte[50_000];
        new Random(5).nextBytes(data);
        MessageInput in = new MessageInput(trickle(data));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 1000; i++) {
            out.write(in.read());
        }
        byte[] chunk = new byte[777];
        int n;
        while ((n = in.read(chunk, 0, chunk.length)) > 0) {
            out.write(chunk, 0, n);
        }
        assertEquals(-1, in.read());
        assertArrayEquals(data, out.toByteArray());
    }

    @Test
    void headerSectionStopsAtTheBlankLineAndLeavesTheBody() throws IOException {
        byte[] message = "A: 1\r\nB: 2\r\n folded\r\n\r\nbody\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        MessageInput in = new MessageInput(trickle(message));
        HeaderSection headers = HeaderSection.read(in, 1000);
        assertEquals(2, headers.fields().size());
        assertEquals(" 2\r\n folded", headers.all("b").get(0).value());
        assertArrayEquals("body\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), in.readAllBytes());
    }
}
