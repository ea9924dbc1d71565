package io.mailpipe.queue;

import io.mailpipe.smtp.MessageBytes;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The bytes of one queue file, format version {@value #VERSION} (all integers big-endian):
 * <pre>
 *   "MPQF"            4 octets, magic
 *   version           u16 = 1
 *   header length     u32, then the header: the UTF-8 JSON of {@link QueueRecordJson}
 *   body length       u64, then the body: the RFC 5322 message exactly as received (RFC 5321 §4.4)
 *   checksum          u32, CRC-32C of every preceding octet
 * </pre>
 * A file is complete only if its checksum matches; anything else (a torn or truncated write) is never delivered.
 */
public final class QueueFileFormat {

    public static final int VERSION = 1;
    private static final int MAGIC = 0x4d505146;
    private static final int MAX_HEADER = 16 * 1024 * 1024;

    /** What a queue file holds, with where its body starts. */
    public record Layout(QueueRecord record, long bodyOffset, long bodyLength) {
    }

    private QueueFileFormat() {
    }

    /** Writes a whole queue file; {@code body} must yield exactly {@code bodyLength} octets. */
    public static void write(OutputStream target, QueueRecord record, InputStream body, long bodyLength)
            throws IOException {
        CheckedOutputStream checked = new CheckedOutputStream(target, new CRC32C());
        DataOutputStream out = new DataOutputStream(checked);
        byte[] header = QueueRecordJson.toBytes(record);
        out.writeInt(MAGIC);
        out.writeShort(VERSION);
        out.writeInt(header.length);
        out.write(header);
        out.writeLong(bodyLength);
        long copied = body.transferTo(out);
        if (copied != bodyLength) {
            throw new IOException("message body changed size while queued: " + copied + " != " + bodyLength);
        }
        out.flush();
        new DataOutputStream(target).writeInt((int) checked.getChecksum().getValue());
        target.flush();
    }

    /** The whole queue file of {@code record} and {@code body} in memory, as {@link #write} would write it. */
    public static ByteBuffer encode(QueueRecord record, MessageBytes body) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8,
                body.length() + 4096));
        try (InputStream in = body.open()) {
            write(file, record, in, body.length());
        }
        return ByteBuffer.wrap(file.toByteArray());
    }

    /** Reads the header of a file and checks the whole file's checksum; fails on anything incomplete. */
    public static Layout readVerified(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Channels.newInputStream(FileChannel.open(file,
                StandardOpenOption.READ)), 65536)) {
            return readVerified(raw, file.toString());
        }
    }

    /** As {@link #readVerified(Path)}, for a whole queue file held in memory. */
    public static Layout readVerified(byte[] file, String name) throws IOException {
        return readVerified(new ByteArrayInputStream(file), name);
    }

    private static Layout readVerified(InputStream raw, String name) throws IOException {
        try {
            CheckedInputStream checked = new CheckedInputStream(raw, new CRC32C());
            DataInputStream in = new DataInputStream(checked);
            Layout layout = readFront(in, name);
            long bodyLength = layout.bodyLength();
            long skipped = in.skip(bodyLength);
            while (skipped < bodyLength && in.read() >= 0) {
                skipped++;
            }
            long expected = checked.getChecksum().getValue();
            if (skipped != bodyLength || (new DataInputStream(raw).readInt() & 0xffffffffL) != expected) {
                throw new IOException("incomplete or corrupt queue file: " + name);
            }
            return layout;
        } catch (EOFException truncated) {
            throw new IOException("truncated queue file: " + name, truncated);
        }
    }

    /**
     * Reads only the header of a file this process wrote and nothing changed since (the spool checks every file's
     * checksum when it starts), so a delivery attempt does not read a large body twice.
     */
    public static Layout readHeader(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Channels.newInputStream(FileChannel.open(file,
                StandardOpenOption.READ)), 8192)) {
            return readHeader(in, file.toString());
        }
    }

    /** The header of a whole queue file held in memory (as {@link #readHeader(Path)}, without reading the disk). */
    public static Layout readHeader(byte[] file, String name) throws IOException {
        return readHeader(new ByteArrayInputStream(file), name);
    }

    private static Layout readHeader(InputStream source, String name) throws IOException {
        try {
            return readFront(new DataInputStream(source), name);
        } catch (EOFException truncated) {
            throw new IOException("truncated queue file: " + name, truncated);
        }
    }

    /** Reads magic, version, header and body length: everything before the body. */
    private static Layout readFront(DataInputStream in, String name) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a queue file: " + name);
        }
        int version = in.readUnsignedShort();
        if (version != VERSION) {
            throw new IOException("unsupported queue file version " + version + ": " + name);
        }
        int headerLength = in.readInt();
        if (headerLength < 0 || headerLength > MAX_HEADER) {
            throw new IOException("corrupt header length in " + name);
        }
        QueueRecord record = QueueRecordJson.fromBytes(in.readNBytes(headerLength));
        return new Layout(record, 4 + 2 + 4 + headerLength + 8, in.readLong());
    }

    /** The body of a verified file as a stream of exactly its length. */
    public static InputStream openBody(Path file, Layout layout) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(layout.bodyOffset());
        return new BoundedInputStream(Channels.newInputStream(channel), layout.bodyLength());
    }
}
