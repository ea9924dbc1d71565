package io.mailpipe.queue.dsn;

import io.mailpipe.smtp.Mailboxes;

/**
 * Field values of the message/delivery-status body (RFC 3464 §2.1.2): address fields as "addr-type; address" with
 * "rfc822" for ASCII addresses and "utf-8" for internationalised ones (RFC 6533 §3), text kept to one line of
 * printable characters so no value can start a new field.
 */
final class DsnFields {

    private DsnFields() {
    }

    /** "rfc822; a@b" for a bare address; an ORCPT value already carrying its type keeps it. */
    static String addressField(String address) {
        int semicolon = address.indexOf(';');
        if (semicolon > 0 && address.indexOf('@') > semicolon) {
            return address.substring(0, semicolon).trim() + "; " + clean(address.substring(semicolon + 1).trim());
        }
        return (Mailboxes.isAscii(address) ? "rfc822; " : "utf-8; ") + clean(address);
    }

    /** Control characters (CR and LF included) become spaces. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7F ? ' ' : c);
        }
        return out.toString();
    }
}
