package io.mailpipe.bulk;

import java.util.Locale;
import java.util.Objects;

/**
 * Why a send request was refused: a reason code a program can act on, a message for people, and the JSON Pointer
 * (RFC 6901) of the offending field ({@code ""} for the request as a whole).
 */
public record Rejection(Reason reason, String message, String field) {

    /** The reason codes of the rejected-request record; {@link #code()} is the lower-case name. */
    public enum Reason {
        /** Not JSON, not an object, unknown schema, a missing or mistyped field, an unknown field. */
        SCHEMA,
        /** A mailbox that SMTP would refuse (RFC 5321 §4.1.2, RFC 6531 §3.3). */
        ADDRESS,
        /** No body: neither text, html nor a template; or a raw message without a header/body separator. */
        BODY,
        /** The request or the composed message is larger than allowed. */
        SIZE,
        /** The request's notAfter time has passed. */
        EXPIRED,
        /** An unknown template, or a variable the text uses but the request does not give. */
        TEMPLATE,
        /** Attachment content that is not base64, or a URL that could not be fetched within the limits. */
        ATTACHMENT;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(field, "field");
    }
}
