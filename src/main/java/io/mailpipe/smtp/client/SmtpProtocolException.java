package io.mailpipe.smtp.client;

/**
 * The server broke the reply syntax of RFC 5321 §4.2 (no three-digit code, mixed codes in one multi-line reply,
 * a line longer than the configured limit, too many lines). The session cannot continue after it.
 */
public final class SmtpProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    public SmtpProtocolException(String message) {
        super(message);
    }
}
