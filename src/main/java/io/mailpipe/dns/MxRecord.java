package io.mailpipe.dns;

/**
 * One MX record (RFC 1035 §3.3.9): a preference (lower is preferred, RFC 5321 §5.1) and the exchange host name,
 * written without the trailing dot; the null MX of RFC 7505 has the host {@code "."}.
 */
public record MxRecord(int preference, String host) {

    public MxRecord {
        if (preference < 0 || preference > 0xFFFF) {
            throw new IllegalArgumentException("MX preference out of range: " + preference);
        }
        host = DnsNames.normalize(host);
    }

    /** True for the RFC 7505 null MX ("this domain accepts no mail"). */
    public boolean isNullMx() {
        return host.equals(".");
    }
}
