package io.mailpipe.dkim;

/** A message that must not be signed (no From field, RFC 6376 §5.4) or a signing fault. */
public final class DkimSigningException extends Exception {

    public DkimSigningException(String message) {
        super(message);
    }

    public DkimSigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
