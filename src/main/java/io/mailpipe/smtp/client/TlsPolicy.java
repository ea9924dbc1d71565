package io.mailpipe.smtp.client;

/**
 * How a destination uses STARTTLS (RFC 3207; levels as in RFC 7435 §4 opportunistic security and the usual MTA
 * policies). TLS, when used, is 1.2 or newer.
 */
public enum TlsPolicy {
    /** Never issue STARTTLS. */
    NONE,
    /** STARTTLS when offered, certificate not checked; plain text when not offered or the handshake fails. */
    OPPORTUNISTIC,
    /** STARTTLS must succeed, certificate not checked; otherwise the destination fails. */
    REQUIRED,
    /** STARTTLS must succeed with a certificate valid under PKIX for the MX host name (RFC 6125). */
    REQUIRED_VERIFY;

    public boolean mustEncrypt() {
        return this == REQUIRED || this == REQUIRED_VERIFY;
    }
}
