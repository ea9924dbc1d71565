package io.mailpipe.queue.spool;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * One entry of a group-commit journal segment (big-endian):
 * <pre>
 *   "MPJE"          4 octets, magic
 *   type            1 octet: 1 = message (payload is a complete queue file), 2 = removal (no payload)
 *   id length       u16, then the queue id in ASCII
 *   payload length  u64
 *   checksum        u32, CRC-32C of the entry header above
 *   payload         a queue file, which carries its own checksum over every octet
 * </pre>
 * Reading stops at the first entry whose header fails: that is the torn tail of a commit nobody was told about.
 */
final class JournalFormat {

    static final byte MESSAGE = 1;
    static final byte REMOVAL = 2;
    static final int MAGIC = 0x4d504a45;
    static final int FIXED_HEADER = 4 + 1 + 2 + 8 + 4;

    private JournalFormat() {
    }

    static ByteBuffer entryHeader(byte type, String queueId, long payloadLength) {
        byte[] id = queueId.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer header = ByteBuffer.allocate(FIXED_HEADER + id.length);
        header.putInt(MAGIC).put(type).putShort((short) id.length).put(id).putLong(payloadLength);
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, header.position());
        header.putInt((int) crc.getValue());
        return header.flip();
    }
}
