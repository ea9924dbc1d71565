package io.mailpipe.dkim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link DkimKeyLookup} answered from a map of TXT records (RFC 6376 §3.6.2.2 names), for tests and for static
 * configurations. Names can also be marked to fail temporarily or never to answer.
 */
public final class InMemoryKeyLookup implements DkimKeyLookup {

    private final Map<String, List<String>> records = new ConcurrentHashMap<>();
    private final Map<String, Boolean> failing = new ConcurrentHashMap<>();
    private final Map<String, Boolean> silent = new ConcurrentHashMap<>();
    private final AtomicInteger queries = new AtomicInteger();

    public InMemoryKeyLookup put(String selector, String domain, String record) {
        return putName(DkimKeyLookup.queryName(selector, domain), record);
    }

    /** Adds a TXT record under a full owner name such as {@code sel._domainkey.example.com.}. */
    public InMemoryKeyLookup putName(String name, String record) {
        records.computeIfAbsent(normalise(name), k -> new ArrayList<>()).add(record);
        return this;
    }

    public InMemoryKeyLookup failTemporarily(String selector, String domain) {
        failing.put(normalise(DkimKeyLookup.queryName(selector, domain)), true);
        return this;
    }

    /** Queries for this name never complete (a resolver that hangs). */
    public InMemoryKeyLookup neverAnswer(String selector, String domain) {
        silent.put(normalise(DkimKeyLookup.queryName(selector, domain)), true);
        return this;
    }

    public int queryCount() {
        return queries.get();
    }

    @Override
    public CompletionStage<KeyLookupResult> lookup(String selector, String domain) {
        queries.incrementAndGet();
        String name = normalise(DkimKeyLookup.queryName(selector, domain));
        if (silent.containsKey(name)) {
            return new CompletableFuture<>();
        }
        if (failing.containsKey(name)) {
            return CompletableFuture.completedFuture(KeyLookupResult.temporaryFailure("SERVFAIL for " + name));
        }
        List<String> found = records.get(name);
        return CompletableFuture.completedFuture(found == null
                ? KeyLookupResult.none("NXDOMAIN for " + name) : KeyLookupResult.found(List.copyOf(found)));
    }

    private static String normalise(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
