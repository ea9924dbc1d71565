package io.mailpipe.dns;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Zone data held in memory for tests: records per (name, type), CNAME aliases (RFC 1034 §3.6.2), and injected
 * failures (SERVFAIL or timeout) per name and type. A name that is absent is NXDOMAIN; a present name without the
 * asked type is NODATA (RFC 2308 §2.1, §2.2). Names compare case-insensitively without the trailing dot.
 */
public final class InMemoryZone {

    /** The record types this zone can hold. */
    public enum Type { A, AAAA, MX, TXT, PTR }

    private final Map<String, Node> nodes = new HashMap<>();

    /** Everything known about one owner name. */
    static final class Node {
        final Map<Type, List<Object>> records = new EnumMap<>(Type.class);
        final Map<Type, DnsStatus> failures = new EnumMap<>(Type.class);
        String cname;
    }

    public InMemoryZone addA(String name, String address) {
        return add(name, Type.A, (Inet4Address) parseAddress(address));
    }

    public InMemoryZone addAaaa(String name, String address) {
        InetAddress parsed = parseAddress(address);
        if (!(parsed instanceof Inet6Address)) {
            throw new IllegalArgumentException("not an IPv6 address: " + address);
        }
        return add(name, Type.AAAA, parsed);
    }

    public InMemoryZone addMx(String name, int preference, String host) {
        return add(name, Type.MX, new MxRecord(preference, host));
    }

    public InMemoryZone addTxt(String name, String... strings) {
        return add(name, Type.TXT, TxtRecord.of(strings));
    }

    public InMemoryZone addPtr(String reverseName, String host) {
        return add(reverseName, Type.PTR, DnsNames.normalize(host));
    }

    public InMemoryZone addPtr(InetAddress address, String host) {
        return addPtr(DnsNames.reverseName(address), host);
    }

    public InMemoryZone addCname(String name, String target) {
        node(name).cname = DnsNames.normalize(target);
        return this;
    }

    /** Makes the name exist (NODATA for every type) without any record. */
    public InMemoryZone addName(String name) {
        node(name);
        return this;
    }

    /** Every query of {@code type} for {@code name} ends with {@code failure} (SERVFAIL or TIMEOUT). */
    public InMemoryZone fail(String name, Type type, DnsStatus failure) {
        if (!failure.isFailure()) {
            throw new IllegalArgumentException("not a failure status: " + failure);
        }
        node(name).failures.put(type, failure);
        return this;
    }

    /** Every query for {@code name}, whatever the type, ends with {@code failure}. */
    public InMemoryZone failAll(String name, DnsStatus failure) {
        for (Type type : Type.values()) {
            fail(name, type, failure);
        }
        return this;
    }

    public boolean hasRecords(String name, Type type) {
        Node node = nodes.get(DnsNames.normalize(name));
        return node != null && node.records.containsKey(type);
    }

    Node find(String name) {
        return nodes.get(DnsNames.normalize(name));
    }

    private InMemoryZone add(String name, Type type, Object value) {
        node(name).records.computeIfAbsent(type, t -> new ArrayList<>()).add(value);
        return this;
    }

    private Node node(String name) {
        return nodes.computeIfAbsent(DnsNames.normalize(name), n -> new Node());
    }

    private static InetAddress parseAddress(String literal) {
        if (literal.isEmpty() || Character.digit(literal.charAt(0), 16) < 0 && literal.charAt(0) != ':') {
            throw new IllegalArgumentException("not an address literal: " + literal);
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address literal: " + literal, e);
        }
    }
}
