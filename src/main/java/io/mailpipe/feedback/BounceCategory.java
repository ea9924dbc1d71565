package io.mailpipe.feedback;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a recipient could not be reached, in the terms a sender acts on: the RFC 3463 subjects (§3.2 addressing,
 * §3.3 mailbox, §3.4 mail system, §3.5 network and routing, §3.6 mail delivery protocol, §3.7 content, §3.8
 * security or policy; RFC 7372 for the authentication codes) and reply texts, grouped by what to do about them. The lower-case {@link #id()} is what events, suppression records and the rules file use.
 */
public enum BounceCategory {
    /** The mailbox does not exist or is disabled: stop sending to it. */
    BAD_MAILBOX,
    /** The domain does not exist or accepts no mail. */
    BAD_DOMAIN,
    /** The mailbox is over its quota. */
    MAILBOX_FULL,
    /** The message exceeds a size limit. */
    MESSAGE_TOO_LARGE,
    /** Refused for content, spam, reputation or a block list. */
    POLICY,
    /** Too many messages or connections: slow down. */
    RATE_LIMITED,
    /** Sender authentication (SPF, DKIM, DMARC) failed or is missing. */
    AUTH_FAILURE,
    /** No route to the domain: no MX, DNS failure, unroutable. */
    ROUTING,
    /** The server could not be reached or the connection broke. */
    NETWORK,
    /** A command or syntax error in the SMTP dialogue. */
    PROTOCOL,
    /** Nothing more specific matched. */
    OTHER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category with this {@link #id()}, if any. */
    public static Optional<BounceCategory> ofId(String id) {
        return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
    }
}
