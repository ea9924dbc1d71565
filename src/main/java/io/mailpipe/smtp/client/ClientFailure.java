package io.mailpipe.smtp.client;

import io.mailpipe.smtp.SmtpReply;

/**
 * A session-level failure on the client side that has no server reply of its own: the connection could not be
 * made, timed out, broke the reply syntax, failed TLS or was lost. {@link #reply()} is the reply we derive for it,
 * always transient with an RFC 3463 code (4.4.1 no answer, 4.4.2 bad connection, 4.5.0 protocol, 4.7.5 TLS), so the
 * message is retried later. The text says which step failed.
 */
public final class ClientFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, in RFC 3463 terms. */
    public enum Kind {
        CONNECT(421, "4.4.1"), TIMEOUT(421, "4.4.2"), CONNECTION_LOST(421, "4.4.2"), PROTOCOL(451, "4.5.0"),
        TLS(421, "4.7.5"), TLS_UNAVAILABLE(421, "4.7.4");

        private final int code;
        private final String enhanced;

        Kind(int code, String enhanced) {
            this.code = code;
            this.enhanced = enhanced;
        }
    }

    private final Kind kind;

    public ClientFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ClientFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** This failure wrapped for throwing inside a completion stage. */
    public java.util.concurrent.CompletionException unchecked() {
        return new java.util.concurrent.CompletionException(this);
    }

    public Kind kind() {
        return kind;
    }

    public SmtpReply reply() {
        return SmtpReply.of(kind.code, kind.enhanced, getMessage());
    }

    /** The failure behind {@code error}, unwrapping completion wrappers; anything else counts as a lost connection. */
    public static ClientFailure of(Throwable error) {
        Throwable t = error;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ClientFailure failure) {
            return failure;
        }
        return new ClientFailure(Kind.CONNECTION_LOST, "connection failed: " + t, t);
    }
}
