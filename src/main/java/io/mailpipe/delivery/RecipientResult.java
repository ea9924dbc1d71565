package io.mailpipe.delivery;

import io.mailpipe.smtp.SmtpReply;

/**
 * The result of one delivery attempt for one recipient: outcome, the reply that decided it (the remote one, or one
 * we derived for connection and DNS failures, always with an RFC 3463 enhanced status code), and the MX host and
 * address used (null when no connection was made).
 */
public record RecipientResult(String recipient, RecipientOutcome outcome, SmtpReply reply, String mxHost,
                              String mxAddress) {
}
