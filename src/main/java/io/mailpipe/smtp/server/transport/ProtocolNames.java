package io.mailpipe.smtp.server.transport;

/**
 * The "with" protocol name of the Received field: SMTP/ESMTP with the S (TLS) and A (AUTH) suffixes of RFC 3848 §2,
 * and UTF8SMTP in place of ESMTP for an SMTPUTF8 transaction (RFC 6531 §3.7.3).
 */
final class ProtocolNames {

    private ProtocolNames() {
    }

    static String of(boolean extended, boolean smtputf8, boolean tls, boolean authenticated) {
        if (!extended) {
            return "SMTP";
        }
        String suffix = (tls ? "S" : "") + (authenticated ? "A" : "");
        return (smtputf8 ? "UTF8SMTP" : "ESMTP") + suffix;
    }
}
