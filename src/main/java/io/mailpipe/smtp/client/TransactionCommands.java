package io.mailpipe.smtp.client;

import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;
import io.mailpipe.smtp.Xtext;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The MAIL and RCPT command lines for one message, with only the parameters the server announced: SIZE (RFC 1870
 * §6), BODY=8BITMIME (RFC 6152 §3), SMTPUTF8 (RFC 6531 §3.4), and the DSN parameters RET, ENVID, NOTIFY, ORCPT
 * (RFC 3461 §4) xtext-encoded where the RFC asks for it.
 */
final class TransactionCommands {

    private TransactionCommands() {
    }

    static String mail(OutboundMessage message, ServerCapabilities capabilities) {
        MailFrom from = message.mailFrom();
        StringBuilder line = new StringBuilder("MAIL FROM:<").append(from.reversePath()).append('>');
        if (capabilities.size()) {
            line.append(" SIZE=").append(message.content().length());
        }
        if (from.body() == MailFrom.BodyType.EIGHT_BIT_MIME && capabilities.eightBitMime()) {
            line.append(" BODY=8BITMIME");
        }
        if (message.needsSmtputf8()) {
            line.append(" SMTPUTF8");
        }
        if (capabilities.dsn()) {
            if (from.ret() != null) {
                line.append(" RET=").append(from.ret().name());
            }
            if (from.envelopeId() != null) {
                line.append(" ENVID=").append(Xtext.encode(from.envelopeId()));
            }
        }
        return line.toString();
    }

    static String rcpt(Recipient recipient, ServerCapabilities capabilities) {
        StringBuilder line = new StringBuilder("RCPT TO:<").append(recipient.address()).append('>');
        if (capabilities.dsn()) {
            if (!recipient.notifyOn().isEmpty()) {
                line.append(" NOTIFY=").append(recipient.notifyOn().stream().sorted()
                        .map(n -> n.name().toUpperCase(Locale.ROOT)).collect(Collectors.joining(",")));
            }
            if (recipient.originalRecipient() != null) {
                line.append(" ORCPT=").append(orcpt(recipient.originalRecipient()));
            }
        }
        return line.toString();
    }

    /** "addr-type;xtext(address)" (RFC 3461 §4.2); an ORCPT without a type is taken as rfc822. */
    private static String orcpt(String original) {
        int semicolon = original.indexOf(';');
        if (semicolon < 0) {
            return "rfc822;" + Xtext.encode(original);
        }
        return original.substring(0, semicolon) + ";" + Xtext.encode(original.substring(semicolon + 1));
    }
}
