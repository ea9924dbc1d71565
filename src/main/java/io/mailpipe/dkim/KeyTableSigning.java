package io.mailpipe.dkim;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Chooses the signatures for a message from a {@link KeyTable}: the signing domain is a given one or the From
 * domain (RFC 7489 §3.1 alignment), every table key for it whose algorithm is enabled gives one signature, and all
 * share the same canonicalisation, h= policy and t=/x=/l= choices (RFC 6376 §3.5).
 */
public record KeyTableSigning(KeyTable table, Set<DkimAlgorithm> algorithms, Canonicalization headerCanonicalization,
                              Canonicalization bodyCanonicalization, HeaderPolicy headers, boolean timestamp,
                              Duration expiry, boolean bodyLength) {

    /** The specs for this message; empty when no key matches the domain. */
    public List<SignatureSpec> specsFor(HeaderSection message, String domainOrNull) throws DkimSigningException {
        String domain = domainOrNull != null && !domainOrNull.isBlank() ? domainOrNull
                : FromDomain.of(message).orElseThrow(() -> new DkimSigningException(
                        "no domain in the From field to choose a signing key"));
        return table.entriesFor(domain).stream()
                .map(entry -> new SignatureSpec(entry.domain(), entry.selector(), entry.key().current(),
                        headerCanonicalization, bodyCanonicalization, headers, null, timestamp, expiry, bodyLength))
                .filter(spec -> algorithms.contains(spec.key().algorithm()))
                .toList();
    }
}
