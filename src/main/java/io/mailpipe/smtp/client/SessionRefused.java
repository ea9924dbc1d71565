package io.mailpipe.smtp.client;

import io.mailpipe.smtp.SmtpReply;

/**
 * The server answered a session step (greeting, EHLO/HELO, STARTTLS, AUTH) with a reply that ends the session
 * (RFC 5321 §3.1, §4.2.5); the reply is kept as the outcome for every recipient of the attempt.
 */
final class SessionRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SmtpReply reply;

    SessionRefused(String step, SmtpReply reply) {
        super(step + " refused: " + reply);
        this.reply = reply;
    }

    SmtpReply reply() {
        return reply;
    }
}
