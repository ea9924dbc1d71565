package io.mailpipe.dkim;

import java.util.List;

/**
 * The answer to a DKIM key query for {@code selector._domainkey.domain} TXT (RFC 6376 §3.6.2.2): the TXT records
 * found (each with its strings already joined), none (NXDOMAIN or NODATA), or a temporary failure (timeout,
 * SERVFAIL) that makes the result temperror (§6.1.2).
 */
public record KeyLookupResult(Kind kind, List<String> records, String detail) {

    public enum Kind { FOUND, NONE, TEMPORARY_FAILURE }

    public KeyLookupResult {
        records = List.copyOf(records);
    }

    public static KeyLookupResult found(List<String> records) {
        return new KeyLookupResult(records.isEmpty() ? Kind.NONE : Kind.FOUND, records, "");
    }

    public static KeyLookupResult none(String detail) {
        return new KeyLookupResult(Kind.NONE, List.of(), detail);
    }

    public static KeyLookupResult temporaryFailure(String detail) {
        return new KeyLookupResult(Kind.TEMPORARY_FAILURE, List.of(), detail);
    }
}
