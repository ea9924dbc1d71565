package io.mailpipe.queue;

import java.io.IOException;
import java.io.InputStream;

/** The stored bytes of a queued message (RFC 5322 text as received), re-readable, wherever the back-end keeps them. */
public interface MessageBody {

    InputStream open() throws IOException;

    long length();
}
