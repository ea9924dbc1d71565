package io.mailpipe.smtp;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the "Received:" trace field the server prepends to each message (RFC 5321 §4.4 Time-stamp-line):
 * {@code from HELO ([ip]) by HOST with PROTOCOL (TLS comment) id QUEUEID for <rcpt>; DATE}. The client is named by
 * its literal address only (no reverse DNS); a HELO name that is not a valid Domain or address literal is written
 * as "unknown" and the name itself as an escaped comment, so client text can never break the field's structure.
 * The protocol names are those of RFC 3848 and RFC 6531 §3.7.3, the "for" clause appears only for exactly one
 * recipient (§7.2 privacy advice), the date is RFC 5322 §3.3 date-time. Clauses are folded so lines stay within
 * 78 characters where a clause allows it; the field ends with CRLF and is encoded as UTF-8 (RFC 6532 §3).
 * A message made on this host rather than received over SMTP gets the field of {@link #injected}:
 * {@code by HOST (SOFTWARE) id QUEUEID for <rcpt>; DATE}, the RFC 5322 §3.6.7 trace syntax without the from and
 * with clauses (no client, and no transmission type of the IANA Mail Transmission Types registry fits).
 */
public final class ReceivedField {

    private static final int LINE_LIMIT = 78;
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.ENGLISH);

    private final String heloName;
    private final InetAddress clientAddress;
    private final String byHost;
    private final String protocol;
    private final String queueId;
    private final List<String> recipients;
    private final String tlsProtocol;
    private final String tlsCipher;
    private final ZonedDateTime date;
    private final String software;

    /**
     * @param heloName    the HELO/EHLO argument, or null if none was given
     * @param tlsProtocol TLS protocol version, or null without TLS
     * @param tlsCipher   TLS cipher suite, or null without TLS
     */
    public ReceivedField(String heloName, InetAddress clientAddress, String byHost, String protocol, String queueId,
                         List<String> recipients, String tlsProtocol, String tlsCipher, ZonedDateTime date) {
        this(heloName, clientAddress, byHost, protocol, queueId, recipients, tlsProtocol, tlsCipher, date, null);
    }

    private ReceivedField(String heloName, InetAddress clientAddress, String byHost, String protocol, String queueId,
                          List<String> recipients, String tlsProtocol, String tlsCipher, ZonedDateTime date,
                          String software) {
        this.software = software;
        this.heloName = heloName;
        this.clientAddress = clientAddress;
        this.byHost = byHost;
        this.protocol = protocol;
        this.queueId = queueId;
        this.recipients = List.copyOf(recipients);
        this.tlsProtocol = tlsProtocol;
        this.tlsCipher = tlsCipher;
        this.date = date;
    }

    /** The field for a message received in {@code session}. */
    public static ReceivedField of(SessionInfo session, String byHost, String queueId, List<Recipient> recipients,
                                   ZonedDateTime date) {
        return new ReceivedField(session.heloName(), session.client().getAddress(), byHost, session.protocol(),
                queueId, recipients.stream().map(Recipient::address).toList(), session.tlsProtocol(),
                session.tlsCipher(), date);
    }

    /**
     * The field of a message injected on {@code byHost} by {@code software} (e.g. composed from a send request):
     * no from clause and no with clause, the software named in a comment after the host.
     */
    public static ReceivedField injected(String byHost, String software, String queueId, List<String> recipients,
                                         ZonedDateTime date) {
        return new ReceivedField(null, null, byHost, null, queueId, recipients, null, null, date, software);
    }

    /** The "with" protocol name: SMTP, ESMTP[S][A] (RFC 3848) or UTF8SMTP[S][A] (RFC 6531 §3.7.3). */
    public static String protocolName(boolean extended, boolean tls, boolean authenticated, boolean utf8) {
        if (!extended) {
            return "SMTP";
        }
        return (utf8 ? "UTF8SMTP" : "ESMTP") + (tls ? "S" : "") + (authenticated ? "A" : "");
    }

    /** The folded field, ending with CRLF. */
    public String text() {
        List<String> clauses = new ArrayList<>();
        if (clientAddress != null) {
            clauses.add("from " + fromDomain() + " (" + addressLiteral(clientAddress) + ")");
            if (!isDomainOrLiteral(heloName)) {
                clauses.add("(HELO " + commentText(heloName == null ? "none" : heloName) + ")");
            }
        }
        clauses.add("by " + byHost);
        if (software != null) {
            clauses.add("(" + commentText(software) + ")");
        }
        if (protocol != null) {
            clauses.add("with " + protocol);
        }
        if (tlsProtocol != null) {
            clauses.add("(" + commentText(tlsProtocol + " with cipher " + tlsCipher) + ")");
        }
        clauses.add("id " + queueId);
        if (recipients.size() == 1) {
            clauses.add("for <" + recipients.get(0) + ">");
        }
        int last = clauses.size() - 1;
        clauses.set(last, clauses.get(last) + ";");
        clauses.add(DATE_TIME.format(date));
        return fold(clauses);
    }

    /** The field as UTF-8 octets, ready to be written before the message. */
    public byte[] toBytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text();
    }

    private String fromDomain() {
        return isDomainOrLiteral(heloName) ? heloName : "unknown";
    }

    private static boolean isDomainOrLiteral(String name) {
        return name != null && (Mailboxes.isValidDomain(name) || AddressLiterals.isValid(name));
    }

    /** The client as an RFC 5321 §4.1.3 address literal, without any IPv6 scope suffix. */
    static String addressLiteral(InetAddress address) {
        String text = address.getHostAddress();
        int scope = text.indexOf('%');
        if (scope >= 0) {
            text = text.substring(0, scope);
        }
        return address instanceof Inet6Address ? "[IPv6:" + text + "]" : "[" + text + "]";
    }

    /** Comment text (RFC 5322 §3.2.2): parentheses and backslashes quoted, anything unprintable replaced. */
    private static String commentText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '(' || c == ')' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || c == 0x7F || Character.isISOControl(c)) {
                out.append('?');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static String fold(List<String> clauses) {
        StringBuilder field = new StringBuilder("Received: ").append(clauses.get(0));
        int lineLength = field.length();
        for (String clause : clauses.subList(1, clauses.size())) {
            if (lineLength + 1 + clause.length() <= LINE_LIMIT) {
                field.append(' ').append(clause);
                lineLength += 1 + clause.length();
            } else {
                field.append("\r\n\t").append(clause);
                lineLength = 1 + clause.length();
            }
        }
        return field.append("\r\n").toString();
    }
}
