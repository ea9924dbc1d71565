package io.mailpipe.camel.spf;

/** What {@code spf:check} does with a fail or softfail result (RFC 7208 §8.4, §8.5; replies per RFC 7372 §3.2). */
public enum SpfRejectPolicy {
    /** Only record the result in headers and the message. */
    record,
    /** Reject fail with 550 5.7.23. */
    rejectFail,
    /** Reject fail and softfail with 550 5.7.23. */
    rejectFailAndSoftfail
}
