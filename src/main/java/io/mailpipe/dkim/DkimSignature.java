package io.mailpipe.dkim;

import io.mailpipe.dkim.DkimSyntaxException.Problem;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The tags of one DKIM-Signature header field (RFC 6376 §3.5), parsed and checked per §6.1.1: required tags present,
 * v=1, known algorithm and canonicalisation, q=dns/txt, From signed, i= within d=, well-formed numbers, domains and
 * base64. Every violation is a {@link DkimSyntaxException} naming the problem.
 *
 * @param identity the i= value, or {@code "@" + domain} when absent (§3.5)
 * @param bodyLength the l= value, or -1 when absent; values beyond a long are clamped to {@link Long#MAX_VALUE}
 * @param timestamp the t= value, or -1 when absent
 * @param expiry the x= value, or -1 when absent
 * @param rawSignature the b= value as written with whitespace removed (used for header.b, RFC 6008)
 */
public record DkimSignature(DkimAlgorithm algorithm, byte[] signature, byte[] bodyHash,
                            Canonicalization headerCanonicalization, Canonicalization bodyCanonicalization,
                            String domain, String selector, List<String> signedHeaders, String identity,
                            long bodyLength, long timestamp, long expiry, String rawSignature) {

    private static final int MAX_SIGNED_HEADERS = 1000;

    public static DkimSignature parse(String fieldValue) throws DkimSyntaxException {
        TagList tags = TagList.parse(fieldValue);
        if (!"1".equals(tags.require("v"))) {
            throw new DkimSyntaxException(Problem.BAD_VERSION, "v= must be 1");
        }
        String a = tags.require("a");
        DkimAlgorithm algorithm = DkimAlgorithm.fromTag(a).orElseThrow(() ->
                new DkimSyntaxException(Problem.UNKNOWN_ALGORITHM, "unknown algorithm " + TagList.printable(a)));
        String rawB = stripWhitespace(tags.require("b"));
        byte[] b = base64(rawB, "b");
        byte[] bh = base64(stripWhitespace(tags.require("bh")), "bh");
        Canonicalization[] canon = canonicalization(tags.get("c"));
        String domain = DomainNames.check(tags.require("d"), "d");
        String selector = DomainNames.check(tags.require("s"), "s");
        List<String> headers = signedHeaders(tags.require("h"));
        String identity = identity(tags.get("i"), domain);
        checkQueryMethod(tags.get("q"));
        long length = number(tags.get("l"), "l", 76);
        long t = number(tags.get("t"), "t", 18);
        long x = number(tags.get("x"), "x", 18);
        if (t >= 0 && x >= 0 && x < t) {
            throw new DkimSyntaxException(Problem.EXPIRY_BEFORE_TIMESTAMP, "x= is earlier than t=");
        }
        return new DkimSignature(algorithm, b, bh, canon[0], canon[1], domain, selector, headers, identity,
                length, t, x, rawB);
    }

    private static Canonicalization[] canonicalization(String c) throws DkimSyntaxException {
        if (c == null) {
            return new Canonicalization[] {Canonicalization.SIMPLE, Canonicalization.SIMPLE};
        }
        String[] parts = c.split("/", -1);
        if (parts.length > 2) {
            throw new DkimSyntaxException(Problem.BAD_CANONICALIZATION, "bad c= value");
        }
        Canonicalization header = Canonicalization.fromTag(parts[0].strip()).orElse(null);
        Canonicalization body = parts.length == 2
                ? Canonicalization.fromTag(parts[1].strip()).orElse(null) : Canonicalization.SIMPLE;
        if (header == null || body == null) {
            throw new DkimSyntaxException(Problem.BAD_CANONICALIZATION, "unknown canonicalization "
                    + TagList.printable(c));
        }
        return new Canonicalization[] {header, body};
    }

    private static List<String> signedHeaders(String h) throws DkimSyntaxException {
        List<String> names = new ArrayList<>();
        boolean from = false;
        for (String part : h.split(":", -1)) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || !name.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
                throw new DkimSyntaxException(Problem.MALFORMED_TAG_LIST, "bad header name in h=");
            }
            if (names.size() == MAX_SIGNED_HEADERS) {
                throw new DkimSyntaxException(Problem.MALFORMED_TAG_LIST, "more than " + MAX_SIGNED_HEADERS
                        + " names in h=");
            }
            from |= name.equals("from");
            names.add(name);
        }
        if (!from) {
            throw new DkimSyntaxException(Problem.FROM_NOT_SIGNED, "h= does not include From");
        }
        return List.copyOf(names);
    }

    private static String identity(String i, String domain) throws DkimSyntaxException {
        if (i == null) {
            return "@" + domain;
        }
        int at = i.lastIndexOf('@');
        if (at < 0) {
            throw new DkimSyntaxException(Problem.IDENTITY_NOT_IN_DOMAIN, "i= has no '@'");
        }
        String idDomain = i.substring(at + 1).toLowerCase(Locale.ROOT);
        String d = domain.toLowerCase(Locale.ROOT);
        if (!idDomain.equals(d) && !idDomain.endsWith("." + d)) {
            throw new DkimSyntaxException(Problem.IDENTITY_NOT_IN_DOMAIN, "i= domain is not d= or a subdomain of it");
        }
        return i;
    }

    private static void checkQueryMethod(String q) throws DkimSyntaxException {
        if (q == null) {
            return;
        }
        for (String method : q.split(":")) {
            String m = method.strip().toLowerCase(Locale.ROOT);
            if (m.equals("dns/txt") || m.equals("dns")) {
                return;
            }
        }
        throw new DkimSyntaxException(Problem.BAD_QUERY_METHOD, "q= does not offer dns/txt");
    }

    private static long number(String value, String tag, int maxDigits) throws DkimSyntaxException {
        if (value == null) {
            return -1;
        }
        if (value.isEmpty() || value.length() > maxDigits || !value.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new DkimSyntaxException(Problem.BAD_NUMBER, tag + "= is not a number of at most " + maxDigits
                    + " digits");
        }
        String digits = value.replaceFirst("^0+(?=.)", "");
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    static byte[] base64(String value, String tag) throws DkimSyntaxException {
        if (value.isEmpty()) {
            throw new DkimSyntaxException(Problem.BAD_BASE64, tag + "= is empty");
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new DkimSyntaxException(Problem.BAD_BASE64, tag + "= is not valid base64");
        }
    }

    static String stripWhitespace(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The first eight characters of b=, the header.b value of RFC 6008 §4. */
    public String shortSignature() {
        return rawSignature.length() <= 8 ? rawSignature : rawSignature.substring(0, 8);
    }

    /** Whether i= uses a subdomain of d= (forbidden by key flag t=s, RFC 6376 §3.6.1). */
    public boolean identityIsSubdomain() {
        String idDomain = identity.substring(identity.lastIndexOf('@') + 1);
        return !idDomain.equalsIgnoreCase(domain);
    }
}
