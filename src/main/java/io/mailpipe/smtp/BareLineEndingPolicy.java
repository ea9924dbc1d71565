package io.mailpipe.smtp;

/**
 * What {@link DataDecoder} does with a CR or LF that is not part of a CRLF pair (forbidden by RFC 5321 §2.3.8).
 * Under both policies only {@code <CRLF>.<CRLF>} ends the data, so SMTP smuggling (CVE-2023-51764 and kin) fails.
 */
public enum BareLineEndingPolicy {
    /** Reject the message with 554 5.6.0 after reading it to its real end (Postfix "reject", Sendmail 8.18). */
    REJECT,
    /**
     * Store each bare CR or bare LF as CRLF (Postfix "normalize"). The line that follows a bare ending is stored
     * verbatim, without dot-unstuffing, so a bare {@code <LF>.<LF>} becomes a body line "." and never an end.
     */
    NORMALIZE
}
