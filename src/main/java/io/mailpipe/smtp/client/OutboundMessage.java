package io.mailpipe.smtp.client;

import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Mailboxes;
import io.mailpipe.smtp.MessageBytes;
import io.mailpipe.smtp.Recipient;

import java.util.List;

/**
 * What one SMTP transaction sends (RFC 5321 §3.3): the reverse-path with its MAIL parameters, the recipients of one
 * destination with their DSN parameters, and the content. It needs SMTPUTF8 (RFC 6531 §3.4) when MAIL asked for it
 * or any envelope address is not ASCII.
 */
public record OutboundMessage(MailFrom mailFrom, List<Recipient> recipients, MessageBytes content) {

    public OutboundMessage {
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a transaction needs at least one recipient");
        }
    }

    public boolean needsSmtputf8() {
        return mailFrom.smtputf8() || !Mailboxes.isAscii(mailFrom.reversePath())
                || recipients.stream().anyMatch(r -> !Mailboxes.isAscii(r.address()));
    }
}
