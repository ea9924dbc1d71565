package io.mailpipe.smtp;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of one received message (RFC 5322 text, dot-unstuffed, including the prepended Received field), held in
 * memory when small and in a temporary file when large. May be read any number of times until released.
 */
public interface MessageContent extends AutoCloseable {

    long size();

    InputStream openStream() throws IOException;

    boolean inMemory();

    /** Frees the memory or deletes the temporary file. Idempotent. */
    @Override
    void close();
}
