package io.mailpipe.delivery.shaping;

/** The limits file is missing, not YAML, or has an entry that is not allowed; the message names file and entry. */
public final class ShapingFileException extends RuntimeException {

    public ShapingFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
