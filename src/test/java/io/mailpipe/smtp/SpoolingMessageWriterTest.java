package io.mailpipe.smtp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Message bytes in memory up to a threshold, then in a temporary file that is always deleted. */
class SpoolingMessageWriterTest {

    private static final int TEN_MB = 10 * 1024 * 1024;

    @TempDir
    Path spool;

    private long filesInSpool() throws IOException {
        try (Stream<Path> files = Files.list(spool)) {
            return files.count();
        }
    }

    private static byte[] block(int index) {
        byte[] block = new byte[64 * 1024];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) (index * 31 + i);
        }
        return block;
    }

    private static byte[] digest(InputStream in) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            sha.update(buffer, 0, n);
        }
        return sha.digest();
    }

    @Test
    void smallMessageStaysInMemory() throws IOException {
        SpoolingMessageWriter writer = new SpoolingMessageWriter(1024, spool);
        writer.write("Subject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
        try (MessageContent content = writer.toContent()) {
            assertTrue(content.inMemory());
            assertEquals(21, content.size());
            try (InputStream in = content.openStream()) {
                assertEquals("Subject: hi\r\n\r\nbody\r\n", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            }
            assertEquals(0, filesInSpool());
        }
    }

    @Test
    void messageOfExactlyTheThresholdStaysInMemory() throws IOException {
        SpoolingMessageWriter writer = new SpoolingMessageWriter(4, spool);
        writer.write(new byte[] {1, 2});
        writer.write(3);
        writer.write(4);
        assertTrue(writer.inMemory());
        writer.write(5);
        assertFalse(writer.inMemory());
        try (MessageContent content = writer.toContent(); InputStream in = content.openStream()) {
            assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, in.readAllBytes());
        }
    }

    @Test
    void tenMegabyteMessageSpillsToDiskAndIsDeletedOnClose() throws Exception {
        SpoolingMessageWriter writer = new SpoolingMessageWriter(1024 * 1024, spool);
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < TEN_MB / (64 * 1024); i++) {
            byte[] block = block(i);
            writer.write(block);
            written.update(block);
        }
        byte[] expected = written.digest();
        MessageContent content = writer.toContent();
        assertFalse(content.inMemory());
        assertEquals(TEN_MB, content.size());
        assertEquals(1, filesInSpool());
        for (int read = 0; read < 2; read++) {
            try (InputStream in = content.openStream()) {
                assertArrayEquals(expected, digest(in));
            }
        }
        content.close();
        assertEquals(0, filesInSpool());
        assertThrows(IOException.class, content::openStream);
        content.close();
    }

    @Test
    void discardDeletesTheTemporaryFile() throws IOException {
        SpoolingMessageWriter writer = new SpoolingMessageWriter(10, spool);
        writer.write(new byte[100]);
        assertEquals(1, filesInSpool());
        writer.discard();
        assertEquals(0, filesInSpool());
        writer.discard();
        assertThrows(IOException.class, () -> writer.write(1));
    }

    @Test
    void discardAfterHandOverLeavesTheContentIntact() throws IOException {
        SpoolingMessageWriter writer = new SpoolingMessageWriter(10, spool);
        writer.write(new byte[100]);
        try (MessageContent content = writer.toContent()) {
            writer.discard();
            assertEquals(1, filesInSpool());
            try (InputStream in = content.openStream()) {
                assertEquals(100, in.readAllBytes().length);
            }
        }
        assertEquals(0, filesInSpool());
    }

    @Test
    void contentIsHandedOverOnlyOnce() throws IOException {
        SpoolingMessageWriter writer = new SpoolingMessageWriter(10, spool);
        writer.write(1);
        writer.toContent().close();
        assertThrows(IllegalStateException.class, writer::toContent);
    }

    @Test
    void closedMemoryContentCannotBeRead() throws IOException {
        SpoolingMessageWriter writer = new SpoolingMessageWriter(10, spool);
        writer.write(1);
        MessageContent content = writer.toContent();
        content.close();
        assertThrows(IOException.class, content::openStream);
    }
}
