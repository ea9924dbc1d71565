package io.mailpipe.smtp;

import java.util.Locale;

/**
 * Syntax of address literals (RFC 5321 §4.1.3): "[" IPv4-address-literal "]" or "[IPv6:" IPv6-addr "]". General
 * address literals with other tags are refused: IPv6 is the only tag registered (RFC 5321 §4.1.3, §7.9 IANA).
 */
public final class AddressLiterals {

    private static final String IPV6_TAG = "ipv6:";

    private AddressLiterals() {
    }

    /** True if {@code literal}, brackets included, is a valid IPv4 or IPv6 address literal. */
    public static boolean isValid(String literal) {
        if (literal.length() < 3 || literal.charAt(0) != '[' || literal.charAt(literal.length() - 1) != ']') {
            return false;
        }
        String inner = literal.substring(1, literal.length() - 1);
        if (inner.toLowerCase(Locale.ROOT).startsWith(IPV6_TAG)) {
            return isIpv6(inner.substring(IPV6_TAG.length()));
        }
        return isIpv4(inner);
    }

    /** IPv4-address-literal: four Snum of one to three digits, each at most 255. */
    static boolean isIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /**
     * IPv6-addr: IPv6-full (8 groups), IPv6-comp ("::" and at most 6 groups), IPv6v4-full (6 groups and an IPv4
     * address), IPv6v4-comp ("::", at most 4 groups and an IPv4 address).
     */
    static boolean isIpv6(String text) {
        String head = text;
        int embeddedGroups = 0;
        if (text.indexOf('.') >= 0) {
            int lastColon = text.lastIndexOf(':');
            if (lastColon < 0 || !isIpv4(text.substring(lastColon + 1))) {
                return false;
            }
            head = text.substring(0, lastColon + 1);
            head = head.endsWith("::") ? head : head.substring(0, head.length() - 1);
            embeddedGroups = 2;
        }
        int gap = head.indexOf("::");
        if (gap < 0) {
            return groupCount(head) + embeddedGroups == 8;
        }
        if (head.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        int left = groupCount(head.substring(0, gap));
        int right = groupCount(head.substring(gap + 2));
        return left >= 0 && right >= 0 && left + right + embeddedGroups <= 6;
    }

    /** Number of ":"-separated groups of one to four hex digits; 0 for ""; -1 if malformed. */
    private static int groupCount(String groups) {
        if (groups.isEmpty()) {
            return 0;
        }
        String[] parts = groups.split(":", -1);
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(c -> Character.digit(c, 16) >= 0
                    && c < 128)) {
                return -1;
            }
        }
        return parts.length;
    }
}
