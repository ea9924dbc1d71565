package io.mailpipe.smtp;

/**
 * Thrown by any step that processes a received message to refuse it with a specific SMTP reply (for example
 * 550 5.7.23 for an SPF failure, RFC 7372 §3.2). The server sends exactly this reply to the end of DATA/BDAT.
 */
public class MessageRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final SmtpReply reply;

    public MessageRejectedException(SmtpReply reply) {
        super(reply.toString());
        if (reply.isPositive()) {
            throw new IllegalArgumentException("a rejection needs a 4xx or 5xx reply: " + reply);
        }
        this.reply = reply;
    }

    public SmtpReply reply() {
        return reply;
    }
}
