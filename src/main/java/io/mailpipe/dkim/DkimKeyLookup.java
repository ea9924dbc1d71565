package io.mailpipe.dkim;

import java.util.concurrent.CompletionStage;

/**
 * Fetches the DKIM key records published at {@code selector._domainkey.domain} (RFC 6376 §3.6.2). Implemented over
 * the shared DNS resolver in production and in memory in tests. Must not block the caller.
 */
@FunctionalInterface
public interface DkimKeyLookup {

    CompletionStage<KeyLookupResult> lookup(String selector, String domain);

    /** The DNS name queried for a selector and domain. */
    static String queryName(String selector, String domain) {
        return selector + "._domainkey." + domain;
    }
}
