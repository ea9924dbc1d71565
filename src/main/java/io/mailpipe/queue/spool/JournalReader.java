package io.mailpipe.queue.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/** Reads the entries of one journal segment ({@link JournalFormat}) up to the first torn or corrupt entry header. */
final class JournalReader {

    record Entry(byte type, String queueId, Path segment, long payloadOffset, long payloadLength) {
        JournalLocation location() {
            return new JournalLocation(segment, payloadOffset, payloadLength);
        }
    }

    private JournalReader() {
    }

    static List<Entry> read(Path segment) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
            long size = channel.size();
            long position = 0;
            while (true) {
                Entry entry = readEntry(channel, segment, position, size);
                if (entry == null) {
                    return entries;
                }
                entries.add(entry);
                position = entry.payloadOffset() + entry.payloadLength();
            }
        }
    }

    /** The payload of a message entry: a whole queue file (its own checksum tells whether it is complete). */
    static byte[] payload(Entry entry) throws IOException {
        try (FileChannel channel = FileChannel.open(entry.segment(), StandardOpenOption.READ)) {
            return payload(channel, entry.location()).array();
        }
    }

    /** Reads the payload at {@code location} from {@code channel}, an open reader of its segment. */
    static ByteBuffer payload(FileChannel channel, JournalLocation location) throws IOException {
        ByteBuffer payload = ByteBuffer.allocate(Math.toIntExact(location.length()));
        if (!readFully(channel, payload, location.offset())) {
            throw new IOException("journal segment " + location.segment() + " ends inside an entry");
        }
        return payload.flip();
    }

    private static Entry readEntry(FileChannel channel, Path segment, long position, long size) throws IOException {
        ByteBuffer fixed = ByteBuffer.allocate(7);
        if (!readFully(channel, fixed, position) || fixed.getInt(0) != JournalFormat.MAGIC) {
            return null;
        }
        byte type = fixed.get(4);
        int idLength = Short.toUnsignedInt(fixed.getShort(5));
        ByteBuffer rest = ByteBuffer.allocate(idLength + 8 + 4);
        if (!readFully(channel, rest, position + 7)) {
            return null;
        }
        CRC32C crc = new CRC32C();
        crc.update(fixed.array(), 0, 7);
        crc.update(rest.array(), 0, idLength + 8);
        long payloadLength = rest.getLong(idLength);
        long payloadOffset = position + 7 + idLength + 8 + 4;
        if (rest.getInt(idLength + 8) != (int) crc.getValue() || payloadLength < 0
                || payloadOffset + payloadLength > size
                || (type != JournalFormat.MESSAGE && type != JournalFormat.REMOVAL)) {
            return null;
        }
        String queueId = new String(rest.array(), 0, idLength, StandardCharsets.US_ASCII);
        return new Entry(type, queueId, segment, payloadOffset, payloadLength);
    }

    private static boolean readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                return false;
            }
        }
        return true;
    }
}
