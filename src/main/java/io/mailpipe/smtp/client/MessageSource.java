package io.mailpipe.smtp.client;

import java.io.IOException;
import java.io.InputStream;

/** The message content to send (RFC 5322 octets), re-readable because a delivery may be attempted more than once. */
public interface MessageSource {

    InputStream open() throws IOException;

    /** Length in octets before dot-stuffing, for the SIZE parameter (RFC 1870 §6). */
    long length();
}
