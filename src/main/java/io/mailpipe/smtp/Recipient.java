package io.mailpipe.smtp;

import java.util.Set;

/**
 * One RCPT: the forward-path and its DSN parameters (RFC 3461 §4.1 NOTIFY, §4.2 ORCPT). An empty notifyOn set means
 * NOTIFY was not given; ORCPT keeps its addr-type and the xtext-decoded address ("rfc822;user@example.org"), or null.
 */
public record Recipient(String address, Set<Notify> notifyOn, String originalRecipient) {

    public enum Notify { NEVER, SUCCESS, FAILURE, DELAY }

    public Recipient {
        notifyOn = Set.copyOf(notifyOn);
    }

    /** The domain part after the last '@' (an address literal keeps its brackets), lower-cased. */
    public String domain() {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
