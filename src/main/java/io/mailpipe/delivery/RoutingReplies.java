package io.mailpipe.delivery;

import io.mailpipe.smtp.SmtpReply;

/** The replies routing derives when no server can be asked (RFC 3463 §3.2, §3.5; RFC 7505 §4.2 for 5.1.10). */
final class RoutingReplies {

    private RoutingReplies() {
    }

    static SmtpReply noSuchDomain(String domain) {
        return SmtpReply.of(550, "5.1.2", "domain " + domain + " does not exist (NXDOMAIN)");
    }

    static SmtpReply nullMx(String domain) {
        return SmtpReply.of(556, "5.1.10", "domain " + domain + " does not accept mail (null MX)");
    }

    static SmtpReply dnsFailure(String name, String detail) {
        return SmtpReply.of(451, "4.4.3", "DNS lookup for " + name + " failed: " + detail);
    }

    static SmtpReply noAddresses(String domain) {
        return SmtpReply.of(550, "5.4.4", "no mail server address found for " + domain);
    }

    static SmtpReply badLiteral(String literal) {
        return SmtpReply.of(553, "5.1.3", "bad address literal " + literal);
    }
}
