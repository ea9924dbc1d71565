package io.mailpipe.smtp.server.command;

import io.mailpipe.smtp.Envelope;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;

import java.util.ArrayList;
import java.util.List;

/** The mail transaction being built (RFC 5321 §3.3): the MAIL reverse-path and the RCPTs accepted so far. */
public final class Transaction {

    private final MailFrom mailFrom;
    private final List<Recipient> recipients = new ArrayList<>();

    public Transaction(MailFrom mailFrom) {
        this.mailFrom = mailFrom;
    }

    public MailFrom mailFrom() {
        return mailFrom;
    }

    public int recipientCount() {
        return recipients.size();
    }

    public void addRecipient(Recipient recipient) {
        recipients.add(recipient);
    }

    public Envelope envelope() {
        return new Envelope(mailFrom, recipients);
    }
}
