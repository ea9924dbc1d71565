package io.mailpipe.smtp;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Syntax of a Mailbox (RFC 5321 §4.1.2): Local-part "@" ( Domain / address-literal ), with the UTF-8 extensions of
 * RFC 6531 §3.3 (non-ASCII in atoms, quoted strings and U-labels). Whether non-ASCII is allowed in a transaction is
 * the caller's decision ({@link #isAscii(String)}). Canonical form: a local part that is a valid Dot-string is
 * written unquoted; any other is written as a Quoted-string whose only quoted-pairs are {@code \"} and {@code \\}
 * (RFC 5321 §4.1.2 "SHOULD NOT" quote when not needed); the domain is kept as sent.
 */
public final class Mailboxes {

    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";
    private static final int MAX_DOMAIN_OCTETS = 255;
    private static final int MAX_LABEL_OCTETS = 63;
    private static final char DECODING_ERROR = '\uFFFD';

    private Mailboxes() {
    }

    /** True if {@code text} holds only US-ASCII characters. */
    public static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    /** The canonical form of {@code mailbox}, or empty if it is not a valid Mailbox. */
    public static Optional<String> canonicalMailbox(String mailbox) {
        int at = localPartEnd(mailbox);
        if (at < 0 || at >= mailbox.length() || mailbox.charAt(at) != '@') {
            return Optional.empty();
        }
        Optional<String> localPart = canonicalLocalPart(mailbox.substring(0, at));
        String domain = mailbox.substring(at + 1);
        if (localPart.isEmpty() || !(isValidDomain(domain) || AddressLiterals.isValid(domain))) {
            return Optional.empty();
        }
        return Optional.of(localPart.get() + "@" + domain);
    }

    /**
     * True for a Domain of RFC 5321 §4.1.2 (sub-domains of letters, digits and inner hyphens) or, per RFC 6531 §3.3,
     * with U-labels that convert to A-labels; at most 63 octets per label and 255 in all.
     */
    public static boolean isValidDomain(String domain) {
        if (domain.isEmpty() || domain.getBytes(StandardCharsets.UTF_8).length > MAX_DOMAIN_OCTETS) {
            return false;
        }
        for (String label : domain.split("\\.", -1)) {
            if (!(isAscii(label) ? isLdhLabel(label) : isULabel(label))) {
                return false;
            }
        }
        return true;
    }

    /** Index of the "@" after the local part (the closing quote is skipped for a Quoted-string), or -1. */
    private static int localPartEnd(String mailbox) {
        if (!mailbox.startsWith("\"")) {
            return mailbox.indexOf('@');
        }
        for (int i = 1; i < mailbox.length(); i++) {
            char c = mailbox.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        return -1;
    }

    static Optional<String> canonicalLocalPart(String localPart) {
        if (!localPart.startsWith("\"")) {
            return isDotString(localPart) ? Optional.of(localPart) : Optional.empty();
        }
        Optional<String> content = quotedContent(localPart);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        String text = content.get();
        if (isDotString(text)) {
            return Optional.of(text);
        }
        return Optional.of('"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
    }

    /** The unescaped content of a Quoted-string (qtextSMTP / quoted-pairSMTP, RFC 5321 §4.1.2), or empty. */
    private static Optional<String> quotedContent(String quoted) {
        if (quoted.length() < 2 || !quoted.endsWith("\"")) {
            return Optional.empty();
        }
        StringBuilder content = new StringBuilder(quoted.length());
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c == '\\') {
                i++;
                char escaped = quoted.charAt(i);
                if (i == quoted.length() - 1 || escaped < 0x20 || escaped > 0x7E) {
                    return Optional.empty();
                }
                content.append(escaped);
            } else if (c == '"' || c < 0x20 || c == 0x7F || c == DECODING_ERROR) {
                return Optional.empty();
            } else {
                content.append(c);
            }
        }
        return Optional.of(content.toString());
    }

    /** Dot-string = Atom *("." Atom); atext plus UTF8-non-ascii (RFC 6531 §3.3). */
    static boolean isDotString(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (String atom : text.split("\\.", -1)) {
            if (atom.isEmpty() || !atom.chars().allMatch(Mailboxes::isAtext)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAtext(int c) {
        if (c >= 0x80) {
            return c != DECODING_ERROR && !Character.isISOControl(c);
        }
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || ATEXT_SPECIALS.indexOf(c) >= 0;
    }

    /** sub-domain = Let-dig [Ldh-str]: letters, digits, hyphens, not starting or ending with a hyphen. */
    private static boolean isLdhLabel(String label) {
        if (label.isEmpty() || label.length() > MAX_LABEL_OCTETS || label.startsWith("-") || label.endsWith("-")) {
            return false;
        }
        return label.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9') || c == '-');
    }

    /** A U-label (RFC 5890 §2.3.2.1) that converts to a valid A-label of at most 63 octets. */
    private static boolean isULabel(String label) {
        if (label.indexOf(DECODING_ERROR) >= 0) {
            return false;
        }
        try {
            String aLabel = IDN.toASCII(label, IDN.USE_STD3_ASCII_RULES);
            return aLabel.startsWith("xn--") && isLdhLabel(aLabel);
        } catch (IllegalArgumentException invalid) {
            return false;
        }
    }
}
