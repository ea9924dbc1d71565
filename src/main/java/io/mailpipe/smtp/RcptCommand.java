package io.mailpipe.smtp;

/** RCPT TO with its forward-path and DSN parameters (RFC 5321 §4.1.1.3, RFC 3461 §4). */
public record RcptCommand(Recipient recipient) implements SmtpCommand {
    @Override
    public Verb verb() {
        return Verb.RCPT;
    }
}
