package io.mailpipe.dkim;

import io.mailpipe.dns.DnsAnswer;
import io.mailpipe.dns.Resolver;
import io.mailpipe.dns.TxtRecord;
import java.util.concurrent.CompletionStage;

/**
 * DKIM key lookups over the shared DNS resolver: TXT at {@code selector._domainkey.domain} (RFC 6376 §3.6.2.2),
 * strings of each record joined; NXDOMAIN and NODATA mean no key, SERVFAIL and timeouts a temporary failure
 * (§6.1.2).
 */
public final class ResolverKeyLookup implements DkimKeyLookup {

    private final Resolver resolver;

    public ResolverKeyLookup(Resolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public CompletionStage<KeyLookupResult> lookup(String selector, String domain) {
        String name = DkimKeyLookup.queryName(selector, domain);
        return resolver.lookupTxt(name).thenApply(answer -> toResult(name, answer));
    }

    private static KeyLookupResult toResult(String name, DnsAnswer<TxtRecord> answer) {
        return switch (answer.status()) {
            case FOUND -> KeyLookupResult.found(answer.records().stream().map(TxtRecord::text).toList());
            case NXDOMAIN, NODATA -> KeyLookupResult.none(answer.status() + " for " + name);
            case SERVFAIL, TIMEOUT -> KeyLookupResult.temporaryFailure(answer.status() + " for " + name
                    + (answer.detail().isEmpty() ? "" : ": " + answer.detail()));
        };
    }
}
