package io.mailpipe.queue;

import io.mailpipe.smtp.Recipient;
import io.mailpipe.smtp.SmtpReply;

import java.util.Objects;

/**
 * One recipient of a queued message with its delivery state (RFC 3461 §4 NOTIFY and ORCPT kept in
 * {@link Recipient}); {@code lastReply} and {@code mxHost} describe the most recent attempt, both null before the
 * first one. The reply is what an RFC 3464 report quotes as Diagnostic-Code and Remote-MTA.
 */
public record RecipientState(Recipient recipient, RecipientStatus status, SmtpReply lastReply, String mxHost) {

    public RecipientState {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(status, "status");
    }

    public static RecipientState pending(Recipient recipient) {
        return new RecipientState(recipient, RecipientStatus.PENDING, null, null);
    }

    public String address() {
        return recipient.address();
    }

    public boolean isPending() {
        return status == RecipientStatus.PENDING;
    }

    /** The same recipient in another state after an attempt that ended with {@code reply} at {@code host}. */
    public RecipientState after(RecipientStatus newStatus, SmtpReply reply, String host) {
        return new RecipientState(recipient, newStatus, reply, host);
    }
}
