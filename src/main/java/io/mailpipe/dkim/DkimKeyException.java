package io.mailpipe.dkim;

/** A signing key or key table that cannot be used (unreadable, malformed, too small); the message names the file. */
public final class DkimKeyException extends Exception {

    public DkimKeyException(String message) {
        super(message);
    }

    public DkimKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
