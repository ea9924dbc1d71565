package io.mailpipe.smtp;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BDAT chunks read by count, raw, with the size allowance (RFC 3030 §2). */
class BdatChunkReaderTest {

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void readsExactlyTheChunkAndLeavesTheNextCommand() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        BdatChunkReader reader = new BdatChunkReader(sink, 5, 1000);
        ByteBuffer in = bytes("helloBDAT 0 LAST\r\n");
        assertTrue(reader.feed(in));
        assertEquals("hello", sink.toString(StandardCharsets.US_ASCII));
        assertEquals("BDAT 0 LAST\r\n", StandardCharsets.US_ASCII.decode(in).toString());
        assertFalse(reader.overLimit());
    }

    @Test
    void commandsInsideChunkDataAreNeverParsedOrUnstuffed() throws IOException {
        String chunk = "a\n.\nMAIL FROM:<x@y>\r\n..\r\n.\r\n";
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        BdatChunkReader reader = new BdatChunkReader(sink, chunk.length(), 1000);
        assertTrue(reader.feed(bytes(chunk)));
        assertEquals(chunk, sink.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void chunkMayArriveInPieces() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        BdatChunkReader reader = new BdatChunkReader(sink, 6, 1000);
        assertFalse(reader.feed(bytes("ab")));
        assertFalse(reader.feed(bytes("")));
        assertFalse(reader.feed(bytes("cd")));
        assertTrue(reader.feed(bytes("efQUIT")));
        assertEquals("abcdef", sink.toString(StandardCharsets.US_ASCII));
        assertEquals(6, reader.consumed());
    }

    @Test
    void emptyChunkIsCompleteAtOnce() throws IOException {
        BdatChunkReader reader = new BdatChunkReader(new ByteArrayOutputStream(), 0, 0);
        ByteBuffer in = bytes("QUIT\r\n");
        assertTrue(reader.feed(in));
        assertEquals(0, in.position());
        assertFalse(reader.overLimit());
    }

    @Test
    void chunkBeyondTheAllowanceIsConsumedButNotWritten() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        BdatChunkReader reader = new BdatChunkReader(sink, 10, 4);
        ByteBuffer in = bytes("0123456789NOOP\r\n");
        assertTrue(reader.feed(in));
        assertTrue(reader.overLimit());
        assertEquals("0123", sink.toString(StandardCharsets.US_ASCII));
        assertEquals(10, in.position());
    }

    @Test
    void allowanceExceededAcrossPieces() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        BdatChunkReader reader = new BdatChunkReader(sink, 8, 5);
        assertFalse(reader.feed(bytes("abc")));
        assertFalse(reader.overLimit());
        assertFalse(reader.feed(bytes("def")));
        assertTrue(reader.overLimit());
        assertTrue(reader.feed(bytes("ghij")));
        assertEquals("abcde", sink.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void worksOnDirectBuffers() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        ByteBuffer direct = ByteBuffer.allocateDirect(8);
        direct.put("abcdefgh".getBytes(StandardCharsets.US_ASCII)).flip();
        BdatChunkReader reader = new BdatChunkReader(sink, 5, 3);
        assertTrue(reader.feed(direct));
        assertEquals("abc", sink.toString(StandardCharsets.US_ASCII));
        assertEquals(3, direct.remaining());
    }
}
