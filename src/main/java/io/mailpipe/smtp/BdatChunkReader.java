package io.mailpipe.smtp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Reads exactly one BDAT chunk (RFC 3030 §2): the announced number of octets, written raw to the sink, with no
 * dot-unstuffing and no search for an end of data, so no command can ever be parsed out of chunk data. Octets
 * beyond the allowance (the message size limit minus what earlier chunks stored) are consumed but not written, and
 * {@link #overLimit()} tells the server to answer 552 5.3.4. One instance per chunk; not thread-safe.
 */
public final class BdatChunkReader {

    private final OutputStream sink;
    private final long chunkSize;
    private final long remainingAllowance;
    private long consumed;

    public BdatChunkReader(OutputStream sink, long chunkSize, long remainingAllowance) {
        if (chunkSize < 0) {
            throw new IllegalArgumentException("negative chunk size: " + chunkSize);
        }
        this.sink = sink;
        this.chunkSize = chunkSize;
        this.remainingAllowance = Math.max(0, remainingAllowance);
    }

    /** Consumes at most the rest of the chunk from {@code in}; true once the whole chunk has been consumed. */
    public boolean feed(ByteBuffer in) throws IOException {
        int take = (int) Math.min(in.remaining(), chunkSize - consumed);
        long writable = Math.max(0, Math.min(take, remainingAllowance - consumed));
        if (writable > 0) {
            writeFrom(in, (int) writable);
        }
        in.position(in.position() + take - (int) writable);
        consumed += take;
        return consumed == chunkSize;
    }

    /** True once the chunk has gone past the allowance; nothing past it was written. */
    public boolean overLimit() {
        return consumed > remainingAllowance;
    }

    /** Octets of the chunk consumed so far. */
    public long consumed() {
        return consumed;
    }

    private void writeFrom(ByteBuffer in, int count) throws IOException {
        if (in.hasArray()) {
            sink.write(in.array(), in.arrayOffset() + in.position(), count);
            in.position(in.position() + count);
        } else {
            byte[] copy = new byte[count];
            in.get(copy);
            sink.write(copy);
        }
    }
}
