package io.mailpipe.smtp;

import java.util.List;

/** The SMTP envelope of one transaction (RFC 5321 §2.3.1): the MAIL reverse-path and every accepted RCPT. */
public record Envelope(MailFrom mailFrom, List<Recipient> recipients) {
    public Envelope {
        recipients = List.copyOf(recipients);
    }
}
