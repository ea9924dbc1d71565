package io.mailpipe.camel.spf;

/** What {@code spf:check} does with a temperror result (RFC 7208 §8.6; reply per RFC 7372 §3.2). */
public enum SpfTemperrorAction {
    /** Accept the message, recording the temperror. */
    accept,
    /** Defer the message with 451 4.7.24 so the client retries later. */
    defer
}
