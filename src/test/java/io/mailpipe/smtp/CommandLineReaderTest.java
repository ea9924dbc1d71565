package io.mailpipe.smtp;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Command line splitting and the line length limit (RFC 5321 §2.3.8, §4.5.3.1.4). */
class CommandLineReaderTest {

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(CommandLineReader.Line line) {
        return new String(line.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void returnsOneLineAndLeavesTheRestInTheBuffer() {
        CommandLineReader reader = new CommandLineReader(512);
        ByteBuffer in = bytes("DATA\r\nFrom: a\r\n");
        CommandLineReader.Line line = reader.next(in);
        assertEquals("DATA", text(line));
        assertFalse(line.tooLong());
        assertEquals(6, in.position());
    }

    @Test
    void needsMoreInputForAnIncompleteLine() {
        CommandLineReader reader = new CommandLineReader(512);
        assertNull(reader.next(bytes("NOOP")));
        assertNull(reader.next(bytes("\r")));
        assertEquals("NOOP", text(reader.next(bytes("\n"))));
    }

    @Test
    void acceptsBareLfAsLineEnd() {
        CommandLineReader reader = new CommandLineReader(512);
        ByteBuffer in = bytes("QUIT\nNOOP\r\n");
        assertEquals("QUIT", text(reader.next(in)));
        assertEquals("NOOP", text(reader.next(in)));
        assertFalse(in.hasRemaining());
    }

    @Test
    void keepsAnEmbeddedBareCrForTheParserToRefuse() {
        CommandLineReader reader = new CommandLineReader(512);
        assertEquals("MAIL FROM:<a@b>\rRCPT TO:<c@d>",
                text(reader.next(bytes("MAIL FROM:<a@b>\rRCPT TO:<c@d>\r\n"))));
    }

    @Test
    void emptyLine() {
        CommandLineReader reader = new CommandLineReader(512);
        CommandLineReader.Line line = reader.next(bytes("\r\n"));
        assertEquals(0, line.bytes().length);
        assertFalse(line.tooLong());
    }

    @Test
    void lineOfExactlyTheLimitIsAccepted() {
        CommandLineReader reader = new CommandLineReader(10);
        assertEquals("12345678", text(reader.next(bytes("12345678\r\n"))));
        assertEquals("12345678", text(reader.next(bytes("12345678\n"))));
    }

    @Test
    void overlongCommandIsConsumedToItsEndAndNeverExecuted() {
        CommandLineReader reader = new CommandLineReader(10);
        ByteBuffer in = bytes("123456789\r\nNOOP\r\n");
        CommandLineReader.Line line = reader.next(in);
        assertTrue(line.tooLong());
        assertEquals(0, line.bytes().length);
        assertEquals("NOOP", text(reader.next(in)));
    }

    @Test
    void hugeLineIsReportedTooLongAndReadingResumes() {
        CommandLineReader reader = new CommandLineReader(512);
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'A');
        for (int i = 0; i < 100; i++) {
            assertNull(reader.next(ByteBuffer.wrap(chunk)));
        }
        ByteBuffer in = bytes("\r\nQUIT\r\n");
        assertTrue(reader.next(in).tooLong());
        assertEquals("QUIT", text(reader.next(in)));
    }

    @Test
    void sameLinesWhenFedByteByByte() {
        String stream = "EHLO a\r\nMAIL FROM:<a@b>\nRCPT TO:<c@d>\r\n" + "X".repeat(600) + "\r\nQUIT\r\n";
        List<CommandLineReader.Line> whole = readAll(new CommandLineReader(512), List.of(stream));
        List<String> pieces = new ArrayList<>();
        for (char c : stream.toCharArray()) {
            pieces.add(String.valueOf(c));
        }
        assertEquals(whole, readAll(new CommandLineReader(512), pieces));
        assertEquals(5, whole.size());
        assertTrue(whole.get(3).tooLong());
    }

    private static List<CommandLineReader.Line> readAll(CommandLineReader reader, List<String> pieces) {
        List<CommandLineReader.Line> lines = new ArrayList<>();
        for (String piece : pieces) {
            ByteBuffer in = bytes(piece);
            CommandLineReader.Line line;
            while ((line = reader.next(in)) != null) {
                lines.add(line);
            }
        }
        return lines;
    }
}
