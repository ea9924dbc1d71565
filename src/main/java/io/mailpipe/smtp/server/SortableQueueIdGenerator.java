package io.mailpipe.smtp.server;

import java.security.SecureRandom;
import java.util.function.Supplier;

/**
 * Default queue id source: 20 characters of Crockford base32, 50 bits of milliseconds since the epoch followed by
 * 50 bits that start at a random value for each new millisecond and count up within it (the monotonic ULID scheme).
 * Ids sort by creation time, and stay unique across restarts and replicas without coordination. The id appears in
 * the Received field (RFC 5321 §4.4 "id" clause) and in the 250 reply to the end of data.
 */
public final class SortableQueueIdGenerator implements Supplier<String> {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final long LOW_MASK = (1L << 50) - 1;

    private final SecureRandom random = new SecureRandom();
    private long lastMillis = -1;
    private long sequence;

    @Override
    public synchronized String get() {
        long now = Math.max(System.currentTimeMillis(), lastMillis);
        if (now != lastMillis) {
            lastMillis = now;
            sequence = random.nextLong() & (LOW_MASK >>> 1);
        } else if (++sequence > LOW_MASK) {
            lastMillis = now + 1;
            sequence = random.nextLong() & (LOW_MASK >>> 1);
        }
        char[] out = new char[20];
        encode(lastMillis, out, 0);
        encode(sequence, out, 10);
        return new String(out);
    }

    private static void encode(long fiftyBits, char[] out, int offset) {
        for (int i = 9; i >= 0; i--) {
            out[offset + i] = ALPHABET[(int) (fiftyBits & 31)];
            fiftyBits >>>= 5;
        }
    }
}
