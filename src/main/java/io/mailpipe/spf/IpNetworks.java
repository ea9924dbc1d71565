package io.mailpipe.spf;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Address and network handling for the ip4/ip6 mechanisms and CIDR lengths (RFC 7208 §5.6): strict parsing of
 * ip4-network (dotted quad, no leading zeros), ip6-network (RFC 4291 §2.2 text) and cidr-length (no leading
 * zeros, at most 32 or 128), and prefix comparison of the client address against a network.
 */
final class IpNetworks {

    private IpNetworks() {
    }

    static Mechanism.Ip parseIp4(String argument) throws SpfSyntaxException {
        int slash = argument.indexOf('/');
        String address = slash < 0 ? argument : argument.substring(0, slash);
        int prefix = slash < 0 ? 32 : prefixLength(argument.substring(slash + 1), 32, argument);
        String[] quads = address.split("\\.", -1);
        if (quads.length != 4) {
            throw new SpfSyntaxException("invalid ip4 network: " + argument);
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) quad(quads[i], argument);
        }
        return new Mechanism.Ip(addressOf(bytes), prefix);
    }

    static Mechanism.Ip parseIp6(String argument) throws SpfSyntaxException {
        int slash = argument.indexOf('/');
        String address = slash < 0 ? argument : argument.substring(0, slash);
        int prefix = slash < 0 ? 128 : prefixLength(argument.substring(slash + 1), 128, argument);
        if (address.indexOf(':') < 0 || !address.chars().allMatch(c -> Character.digit(c, 16) >= 0
                || c == ':' || c == '.')) {
            throw new SpfSyntaxException("invalid ip6 network: " + argument);
        }
        InetAddress parsed;
        try {
            parsed = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new SpfSyntaxException("invalid ip6 network: " + argument);
        }
        return new Mechanism.Ip(toIpv6(parsed), prefix);
    }

    /** A cidr-length: "0" or a number without leading zeros, at most {@code max}. */
    static int prefixLength(String digits, int max, String term) throws SpfSyntaxException {
        if (digits.isEmpty() || digits.length() > 3 || (digits.length() > 1 && digits.charAt(0) == '0')
                || !digits.chars().allMatch(Character::isDigit)) {
            throw new SpfSyntaxException("invalid CIDR length in " + term);
        }
        int value = Integer.parseInt(digits);
        if (value > max) {
            throw new SpfSyntaxException("CIDR length over " + max + " in " + term);
        }
        return value;
    }

    /** True if {@code client} is in {@code network}/{@code prefix}; addresses of different families never match. */
    static boolean contains(InetAddress network, int prefix, InetAddress client) {
        byte[] net = network.getAddress();
        byte[] addr = client.getAddress();
        if (net.length != addr.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (net[i] != addr[i]) {
                return false;
            }
        }
        int bits = prefix % 8;
        if (bits == 0) {
            return true;
        }
        int mask = (0xFF << (8 - bits)) & 0xFF;
        return (net[full] & mask) == (addr[full] & mask);
    }

    private static int quad(String text, String argument) throws SpfSyntaxException {
        if (text.isEmpty() || text.length() > 3 || (text.length() > 1 && text.charAt(0) == '0')
                || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new SpfSyntaxException("invalid ip4 network: " + argument);
        }
        int value = Integer.parseInt(text);
        if (value > 255) {
            throw new SpfSyntaxException("invalid ip4 network: " + argument);
        }
        return value;
    }

    private static InetAddress addressOf(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address of bad length", e);
        }
    }

    private static Inet6Address toIpv6(InetAddress parsed) {
        if (parsed instanceof Inet6Address v6) {
            return v6;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(((Inet4Address) parsed).getAddress(), 0, mapped, 12, 4);
        try {
            return Inet6Address.getByAddress(null, mapped, -1);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address of bad length", e);
        }
    }
}
