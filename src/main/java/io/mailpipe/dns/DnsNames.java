package io.mailpipe.dns;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;

/**
 * Domain-name text helpers shared by resolvers: a canonical comparison form (RFC 4343 case-insensitivity, RFC 1034
 * §3.1 trailing dot of an absolute name dropped) and the reverse-lookup names of RFC 1035 §3.5 (in-addr.arpa) and
 * RFC 3596 §2.5 (ip6.arpa).
 */
public final class DnsNames {

    private DnsNames() {
    }

    /** Lower-case ASCII form without the trailing dot; the root stays {@code "."}. */
    public static String normalize(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.equals(".")) {
            return ".";
        }
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** The PTR owner name for an address, such as {@code 4.3.2.1.in-addr.arpa}. */
    public static String reverseName(InetAddress address) {
        byte[] bytes = address.getAddress();
        StringBuilder out = new StringBuilder();
        if (address instanceof Inet4Address) {
            for (int i = bytes.length - 1; i >= 0; i--) {
                out.append(bytes[i] & 0xFF).append('.');
            }
            return out.append("in-addr.arpa").toString();
        }
        if (!(address instanceof Inet6Address)) {
            throw new IllegalArgumentException("unsupported address type: " + address);
        }
        for (int i = bytes.length - 1; i >= 0; i--) {
            out.append(Character.forDigit(bytes[i] & 0x0F, 16)).append('.');
            out.append(Character.forDigit((bytes[i] >> 4) & 0x0F, 16)).append('.');
        }
        return out.append("ip6.arpa").toString();
    }
}
