package io.mailpipe.dkim;

import java.io.IOException;

/** The header section of a message is larger than the configured bound (a guard, not an RFC 6376 rule). */
public final class HeaderTooLargeException extends IOException {

    public HeaderTooLargeException(int maxBytes) {
        super("header section larger than " + maxBytes + " bytes");
    }
}
