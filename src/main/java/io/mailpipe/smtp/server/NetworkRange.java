package io.mailpipe.smtp.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * One CIDR block (RFC 4632 for IPv4, RFC 4291 §2.3 for IPv6 prefixes) and membership tests. IPv4-mapped IPv6
 * addresses (::ffff:a.b.c.d, RFC 4291 §2.5.5.2) are compared as the IPv4 address they carry.
 */
public final class NetworkRange {

    private final byte[] network;
    private final int prefixLength;

    private NetworkRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** Parses "address/prefix" or a bare address (a single host); only literal addresses, never a DNS lookup. */
    public static NetworkRange parse(String cidr) {
        String text = cidr.trim();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (address.isEmpty() || !address.matches("[0-9A-Fa-f:.]+")) {
            throw new IllegalArgumentException("not an IP address literal: " + cidr);
        }
        byte[] bytes = normalise(literal(address, cidr));
        int writtenBits = address.indexOf(':') >= 0 ? 128 : 32;
        int prefix = slash < 0 ? writtenBits : parsePrefix(text.substring(slash + 1), writtenBits, cidr);
        if (bytes.length == 4 && writtenBits == 128) {
            prefix = Math.max(0, prefix - 96);
        }
        return new NetworkRange(mask(bytes, prefix), prefix);
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = normalise(address);
        return candidate.length == network.length && Arrays.equals(mask(candidate, prefixLength), network);
    }

    private static InetAddress literal(String address, String cidr) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal: " + cidr, e);
        }
    }

    private static int parsePrefix(String text, int bits, String cidr) {
        try {
            int prefix = Integer.parseInt(text);
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("prefix length out of range: " + cidr);
            }
            return prefix;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length: " + cidr, e);
        }
    }

    private static byte[] normalise(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16 && isIpv4Mapped(bytes)) {
            return Arrays.copyOfRange(bytes, 12, 16);
        }
        return bytes;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] &= (byte) (0xff << (8 - keep));
        }
        return out;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
