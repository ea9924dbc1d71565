package io.mailpipe.spf;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * The values macro letters stand for (RFC 7208 §7.2) in one expansion: sender parts, the current domain, the
 * client address, the HELO name, the validated client name for {@code p} (already looked up), the receiver and
 * the time. Address forms follow §7.3: {@code i} in dotted form (nibbles for IPv6), {@code c} in RFC 5952 text.
 */
record MacroContext(String sender, String localPart, String senderDomain, String domain, InetAddress client,
        String helo, String validatedName, String receiver, long timestamp) {

    MacroContext withDomain(String newDomain) {
        return new MacroContext(sender, localPart, senderDomain, newDomain, client, helo, validatedName, receiver,
                timestamp);
    }

    MacroContext withValidatedName(String name) {
        return new MacroContext(sender, localPart, senderDomain, domain, client, helo, name, receiver, timestamp);
    }

    /** The raw value of a macro letter. */
    String value(char letter) {
        return switch (letter) {
            case 's' -> sender;
            case 'l' -> localPart;
            case 'o' -> senderDomain;
            case 'd' -> domain;
            case 'i' -> dottedAddress();
            case 'p' -> validatedName == null ? "unknown" : validatedName;
            case 'v' -> client instanceof Inet4Address ? "in-addr" : "ip6";
            case 'h' -> helo;
            case 'c' -> readableAddress();
            case 'r' -> receiver;
            case 't' -> Long.toString(timestamp);
            default -> throw new IllegalArgumentException("not a macro letter: " + letter);
        };
    }

    private String dottedAddress() {
        byte[] bytes = client.getAddress();
        StringBuilder out = new StringBuilder();
        if (client instanceof Inet4Address) {
            for (byte b : bytes) {
                out.append(out.length() == 0 ? "" : ".").append(b & 0xFF);
            }
            return out.toString();
        }
        for (byte b : bytes) {
            out.append(out.length() == 0 ? "" : ".").append(Character.forDigit((b >> 4) & 0xF, 16))
                    .append('.').append(Character.forDigit(b & 0xF, 16));
        }
        return out.toString();
    }

    private String readableAddress() {
        if (client instanceof Inet4Address) {
            return dottedAddress();
        }
        byte[] bytes = client.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xFF) << 8) | (bytes[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
