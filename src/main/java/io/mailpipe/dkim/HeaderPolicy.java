package io.mailpipe.dkim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which header fields a signature covers (the h= list, RFC 6376 §5.4). Either a list of names signed once per field
 * present, with some names over-signed (listed once more than present, so that an added field breaks the signature,
 * §8.15), or an explicit h= list used as written.
 */
public final class HeaderPolicy {

    /** Names signed when present. */
    public static final List<String> DEFAULT_SIGNED = List.of("from", "reply-to", "subject", "date", "to", "cc",
            "message-id", "in-reply-to", "references", "mime-version", "content-type", "content-transfer-encoding",
            "content-disposition", "sender", "list-id", "list-unsubscribe", "list-unsubscribe-post");
    /** Names over-signed by default. */
    public static final Set<String> DEFAULT_OVER_SIGNED = Set.of("from", "subject", "date", "to", "cc", "reply-to",
            "message-id");

    private final List<String> names;
    private final Set<String> overSigned;
    private final boolean explicit;

    private HeaderPolicy(List<String> names, Set<String> overSigned, boolean explicit) {
        this.names = names.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
        this.overSigned = overSigned.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.explicit = explicit;
        if (!this.names.contains("from")) {
            throw new IllegalArgumentException("the signed header list must include From (RFC 6376 §5.4)");
        }
    }

    public static HeaderPolicy defaults() {
        return new HeaderPolicy(DEFAULT_SIGNED, DEFAULT_OVER_SIGNED, false);
    }

    /** Signs each field named in {@code signed}; names in {@code overSigned} are listed once more than present. */
    public static HeaderPolicy of(List<String> signed, Set<String> overSigned) {
        return new HeaderPolicy(signed.stream().distinct().toList(), overSigned, false);
    }

    /** An h= list used exactly as given (duplicates and order kept). */
    public static HeaderPolicy explicit(List<String> hList) {
        return new HeaderPolicy(hList, Set.of(), true);
    }

    /** The h= list for a message with these header fields. */
    public List<String> signedNames(HeaderSection headers) {
        if (explicit) {
            return names;
        }
        List<String> out = new ArrayList<>();
        for (String name : names) {
            int count = headers.count(name) + (overSigned.contains(name) ? 1 : 0);
            for (int i = 0; i < count; i++) {
                out.add(name);
            }
        }
        return out;
    }
}
