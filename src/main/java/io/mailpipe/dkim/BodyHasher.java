package io.mailpipe.dkim;

import java.security.MessageDigest;

/**
 * Streams a message body through simple or relaxed body canonicalisation (RFC 6376 §3.4.3, §3.4.4) into a SHA-256
 * digest, chunk by chunk, so a large body is never held in memory. Trailing empty lines are held back as a count
 * until non-empty content follows, a missing final CRLF is supplied, and an optional body length limit (l=, §3.5)
 * caps the number of canonical bytes hashed.
 */
public final class BodyHasher {

    private static final int BUFFER_SIZE = 8192;

    private final Canonicalization canonicalization;
    private final MessageDigest digest;
    private final long limit;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int buffered;
    private long canonicalLength;
    private long pendingEmptyLines;
    private boolean lineHasContent;
    private boolean pendingSpace;
    private boolean pendingCr;
    private byte[] result;

    /**
     * @param limit the most canonical bytes to hash, or a negative value for the whole body
     */
    public BodyHasher(Canonicalization canonicalization, long limit) {
        this.canonicalization = canonicalization;
        this.digest = Hashing.sha256();
        this.limit = limit;
    }

    public BodyHasher(Canonicalization canonicalization) {
        this(canonicalization, -1);
    }

    public void update(byte[] data) {
        update(data, 0, data.length);
    }

    public void update(byte[] data, int offset, int length) {
        boolean relaxed = canonicalization == Canonicalization.RELAXED;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (lineHasContent && !pendingCr && !pendingSpace) {
                int run = plainRunEnd(data, i, end, relaxed);
                if (run > i) {
                    emitRun(data, i, run - i);
                    i = run;
                    if (i == end) {
                        break;
                    }
                }
            }
            byte b = data[i];
            if (pendingCr) {
                pendingCr = false;
                if (b == '\n') {
                    endLine();
                    continue;
                }
                content((byte) '\r');
            }
            if (b == '\r') {
                pendingCr = true;
            } else if (relaxed && Canonicalization.isWsp(b)) {
                pendingSpace = true;
            } else {
                content(b);
            }
        }
    }

    /** Completes the canonical body and returns its SHA-256 hash; later calls return the same hash. */
    public byte[] finish() {
        if (result == null) {
            if (pendingCr) {
                pendingCr = false;
                content((byte) '\r');
            }
            if (lineHasContent) {
                endLine();
            } else if (canonicalization == Canonicalization.SIMPLE && canonicalLength == 0) {
                emit((byte) '\r');
                emit((byte) '\n');
            }
            flush();
            result = digest.digest();
        }
        return result.clone();
    }

    /** Canonical bytes produced so far (the whole canonical body once finished), regardless of the limit. */
    public long canonicalLength() {
        return canonicalLength;
    }

    private void content(byte b) {
        if (!lineHasContent) {
            for (long n = pendingEmptyLines; n > 0; n--) {
                emit((byte) '\r');
                emit((byte) '\n');
            }
            pendingEmptyLines = 0;
            lineHasContent = true;
        }
        if (pendingSpace) {
            pendingSpace = false;
            emit((byte) ' ');
        }
        emit(b);
    }

    private void endLine() {
        pendingSpace = false;
        if (lineHasContent) {
            emit((byte) '\r');
            emit((byte) '\n');
            lineHasContent = false;
        } else {
            pendingEmptyLines++;
        }
    }

    private void emit(byte b) {
        canonicalLength++;
        if (limit >= 0 && canonicalLength > limit) {
            return;
        }
        buffer[buffered++] = b;
        if (buffered == BUFFER_SIZE) {
            flush();
        }
    }

    /**
     * End of the run of bytes from {@code from} that canonicalisation copies unchanged: anything but CR, and for
     * relaxed no whitespace except a single space followed by a byte that is neither whitespace nor CR.
     */
    private static int plainRunEnd(byte[] data, int from, int end, boolean relaxed) {
        int i = from;
        while (i < end) {
            byte b = data[i];
            if (b == '\r') {
                break;
            }
            if (relaxed && (b == ' ' || b == '\t')) {
                if (b == '\t' || i + 1 >= end) {
                    break;
                }
                byte next = data[i + 1];
                if (next == ' ' || next == '\t' || next == '\r') {
                    break;
                }
            }
            i++;
        }
        return i;
    }

    private void emitRun(byte[] data, int offset, int length) {
        long room = limit < 0 ? length : Math.max(0, Math.min(length, limit - canonicalLength));
        canonicalLength += length;
        if (room == 0) {
            return;
        }
        if (room >= BUFFER_SIZE - buffered) {
            flush();
            digest.update(data, offset, (int) room);
        } else {
            System.arraycopy(data, offset, buffer, buffered, (int) room);
            buffered += (int) room;
        }
    }

    private void flush() {
        digest.update(buffer, 0, buffered);
        buffered = 0;
    }
}
