package io.mailpipe.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Test helper: runs a {@link DataDecoder} over a byte stream delivered in chosen fragment sizes. */
final class DataFeeding {

    /**
     * What the decoder did: whether it found the end, its outcome, the stored bytes (only for an accepted message:
     * what reached the sink before a fault depends on the fragmentation) and the bytes left over.
     */
    record Result(boolean ended, DataOutcome outcome, String stored, String leftOver, long storedBytes) {
    }

    static final String REFUSED = "(refused)";

    private DataFeeding() {
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static Result whole(String stream, BareLineEndingPolicy policy) {
        return consistent(bytes(stream), policy, Long.MAX_VALUE, 65536);
    }

    /**
     * Decodes the stream whole, byte by byte and in twenty random fragmentations, asserts that all give the same
     * result and returns it: every stream a test decodes is thereby also a fragmentation test.
     */
    static Result consistent(byte[] stream, BareLineEndingPolicy policy, long maxSize, int maxLine) {
        Result whole = run(stream, policy, maxSize, maxLine, new int[] {Integer.MAX_VALUE});
        assertEquals(whole, run(stream, policy, maxSize, maxLine, new int[] {1}), "byte by byte");
        for (long seed = 1; seed <= 20; seed++) {
            assertEquals(whole, run(stream, policy, maxSize, maxLine, randomChunks(seed)), "chunk seed " + seed);
        }
        return whole;
    }

    static Result run(byte[] stream, BareLineEndingPolicy policy, long maxSize, int maxLine, int[] chunkSizes) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        DataDecoder decoder = new DataDecoder(sink, maxSize, maxLine, policy);
        int position = 0;
        int chunk = 0;
        boolean ended = false;
        try {
            while (position < stream.length && !ended) {
                int size = Math.min(chunkSizes[chunk++ % chunkSizes.length], stream.length - position);
                ByteBuffer in = ByteBuffer.wrap(stream, position, size);
                ended = decoder.feed(in);
                position = in.position();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String leftOver = new String(Arrays.copyOfRange(stream, position, stream.length), StandardCharsets.ISO_8859_1);
        String stored = decoder.outcome() == DataOutcome.OK ? sink.toString(StandardCharsets.ISO_8859_1) : REFUSED;
        return new Result(ended, decoder.outcome(), stored, leftOver,
                decoder.storedBytes());
    }

    /** Chunk sizes between 1 and 17, reproducible from the seed. */
    static int[] randomChunks(long seed) {
        Random random = new Random(seed);
        int[] sizes = new int[257];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = 1 + random.nextInt(17);
        }
        return sizes;
    }
}
