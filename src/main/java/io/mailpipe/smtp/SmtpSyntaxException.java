package io.mailpipe.smtp;

/**
 * A command line that cannot be accepted as written, with the reply that tells the client why
 * (RFC 5321 §4.2.2 codes 500/501/504/553/555 with RFC 3463 enhanced codes).
 */
public class SmtpSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient SmtpReply reply;

    public SmtpSyntaxException(SmtpReply reply) {
        super(reply.toString());
        this.reply = reply;
    }

    public SmtpReply reply() {
        return reply;
    }
}
