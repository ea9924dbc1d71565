package io.mailpipe.spf;

import io.mailpipe.dns.DnsAnswer;
import io.mailpipe.dns.Resolver;
import io.mailpipe.dns.TxtRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds and parses a domain's SPF record (RFC 7208 §4.4 lookup of TXT only, §3.3 strings joined, §4.5 selection:
 * records starting with "v=spf1", none means none, more than one means permerror). DNS failures abort with
 * temperror, syntax errors with permerror. Parsed records are kept in a bounded map keyed by their text, so a
 * cached DNS answer does not have to be parsed again.
 */
final class RecordFinder {

    private static final int PARSED_CACHE_LIMIT = 10_000;

    private final Resolver resolver;
    private final ConcurrentHashMap<String, Object> parsed = new ConcurrentHashMap<>();

    RecordFinder(Resolver resolver) {
        this.resolver = resolver;
    }

    /** The parsed record, or {@code null} when the domain publishes none. */
    CompletionStage<SpfRecord> find(String domain) {
        return resolver.lookupTxt(domain).thenApply(answer -> select(domain, answer));
    }

    private SpfRecord select(String domain, DnsAnswer<TxtRecord> answer) {
        if (answer.status().isFailure()) {
            throw SpfAbort.temperror("DNS " + answer.status() + " looking up the SPF record of " + domain);
        }
        List<String> candidates = new ArrayList<>();
        for (TxtRecord txt : answer.records()) {
            String text = txt.text();
            if (SpfRecordParser.isSpfRecord(text)) {
                candidates.add(text);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        if (candidates.size() > 1) {
            throw SpfAbort.permerror("more than one SPF record for " + domain);
        }
        return parse(domain, candidates.get(0));
    }

    private SpfRecord parse(String domain, String text) {
        Object cached = parsed.get(text);
        if (cached == null) {
            try {
                cached = SpfRecordParser.parse(text);
            } catch (SpfSyntaxException e) {
                cached = e.getMessage();
            }
            if (parsed.size() >= PARSED_CACHE_LIMIT) {
                parsed.clear();
            }
            parsed.put(text, cached);
        }
        if (cached instanceof SpfRecord record) {
            return record;
        }
        throw SpfAbort.permerror("invalid SPF record for " + domain + ": " + cached);
    }
}
