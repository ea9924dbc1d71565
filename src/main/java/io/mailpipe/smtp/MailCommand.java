package io.mailpipe.smtp;

/** MAIL FROM with its reverse-path and parameters (RFC 5321 §4.1.1.2). */
public record MailCommand(MailFrom mailFrom) implements SmtpCommand {
    @Override
    public Verb verb() {
        return Verb.MAIL;
    }
}
