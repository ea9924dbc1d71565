package io.mailpipe.smtp;

/** How reading the DATA content ended (RFC 5321 §4.1.1.4); every value but OK means the message is refused. */
public enum DataOutcome {
    OK,
    /** More octets than the message size limit (RFC 1870 §6.3, 552 5.3.4). */
    TOO_BIG,
    /** A line longer than the line limit (RFC 5321 §4.5.3.1.6). */
    LINE_TOO_LONG,
    /** A CR or LF outside a CRLF pair under {@link BareLineEndingPolicy#REJECT} (RFC 5321 §2.3.8). */
    BARE_LINE_ENDING,
    /** A NUL octet, which no DATA body type allows (RFC 6152 §3, RFC 2045 §2.7-2.8). */
    NUL_CHARACTER
}
