package io.mailpipe.dns;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The store behind {@link CachingResolver}: one map per query type from the query's key (normalised name, or
 * address for PTR) to either the completed stage of a cached answer with its expiry, or the stage of the lookup in
 * flight, which every concurrent caller of the same key shares. A hit returns the stored stage itself: no new
 * future, no thread hop. Expiry follows the answer's TTL (RFC 1035 §3.2.1; negative answers RFC 2308 §5) capped by
 * the configured maximum; SERVFAIL and timeouts are kept only for the configured failure TTL (RFC 2308 §7.1).
 * When the entry count passes the bound, one thread sweeps: expired entries first, then arbitrary ones (hash
 * order, in effect random) until a tenth of the bound is free, so eviction costs O(1) per insert amortised.
 */
final class AnswerCache {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final ConcurrentHashMap<Object, Entry>[] maps;
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private final DnsCacheSettings settings;
    private final LongSupplier nanoTime;

    @SuppressWarnings("unchecked")
    AnswerCache(int queryTypes, DnsCacheSettings settings, LongSupplier nanoTime) {
        this.maps = new ConcurrentHashMap[queryTypes];
        for (int i = 0; i < queryTypes; i++) {
            maps[i] = new ConcurrentHashMap<>();
        }
        this.settings = settings;
        this.nanoTime = nanoTime;
    }

    /** A cached or in-flight answer for the key, else the answer {@code fetch} gives, which is then shared. */
    @SuppressWarnings("unchecked")
    <K, T> CompletionStage<DnsAnswer<T>> lookup(int queryType, K key,
            Function<K, CompletionStage<DnsAnswer<T>>> fetch) {
        ConcurrentHashMap<Object, Entry> map = maps[queryType];
        Entry current = map.get(key);
        if (current != null && current.isUsable(nanoTime.getAsLong())) {
            return (CompletionStage<DnsAnswer<T>>) current.stage;
        }
        CompletableFuture<DnsAnswer<T>> result = new CompletableFuture<>();
        Entry pending = new Entry(result.minimalCompletionStage(), Long.MAX_VALUE, true);
        boolean claimed = current == null
                ? map.putIfAbsent(key, pending) == null
                : map.replace(key, current, pending);
        if (!claimed) {
            Entry other = map.get(key);
            return other != null && other.isUsable(nanoTime.getAsLong())
                    ? (CompletionStage<DnsAnswer<T>>) other.stage
                    : fetch.apply(key);
        }
        if (current == null && size.incrementAndGet() > settings.maxEntries()) {
            sweep();
        }
        fetchInto(map, key, pending, result, fetch);
        return (CompletionStage<DnsAnswer<T>>) pending.stage;
    }

    /** How many entries are held, in flight included. */
    int size() {
        return size.get();
    }

    private <K, T> void fetchInto(Map<Object, Entry> map, K key, Entry pending,
            CompletableFuture<DnsAnswer<T>> result, Function<K, CompletionStage<DnsAnswer<T>>> fetch) {
        CompletionStage<DnsAnswer<T>> network;
        try {
            network = fetch.apply(key);
        } catch (RuntimeException e) {
            network = CompletableFuture.failedFuture(e);
        }
        network.whenComplete((answer, error) -> {
            long ttl = error == null ? keepNanos(answer) : 0;
            if (ttl > 0) {
                long expiresAt = nanoTime.getAsLong() + ttl;
                map.replace(key, pending, new Entry(CompletableFuture.completedStage(answer), expiresAt, false));
            } else if (map.remove(key, pending)) {
                size.decrementAndGet();
            }
            if (error == null) {
                result.complete(answer);
            } else {
                result.completeExceptionally(error);
            }
        });
    }

    private long keepNanos(DnsAnswer<?> answer) {
        if (answer.status().isFailure()) {
            return settings.failureTtl().toNanos();
        }
        return Math.min(answer.ttl().getSeconds(), settings.maxTtl().getSeconds()) * NANOS_PER_SECOND;
    }

    private void sweep() {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            int target = settings.maxEntries() - Math.max(1, settings.maxEntries() / 10);
            long now = nanoTime.getAsLong();
            for (Map<Object, Entry> map : maps) {
                evict(map, true, now, target);
            }
            for (int i = 0; i < maps.length && size.get() > target; i++) {
                evict(maps[i], false, now, target);
            }
        } finally {
            sweeping.set(false);
        }
    }

    /** Removes settled entries, only expired ones or any until the size is down to {@code target}. */
    private void evict(Map<Object, Entry> map, boolean expiredOnly, long now, int target) {
        Iterator<Map.Entry<Object, Entry>> entries = map.entrySet().iterator();
        while (entries.hasNext() && (expiredOnly || size.get() > target)) {
            Map.Entry<Object, Entry> entry = entries.next();
            Entry value = entry.getValue();
            boolean eligible = !value.pending && (!expiredOnly || !value.isUsable(now));
            if (eligible && map.remove(entry.getKey(), value)) {
                size.decrementAndGet();
            }
        }
    }

    /** A completed answer valid until {@code expiresAt} (System.nanoTime scale), or a lookup in flight. */
    private record Entry(CompletionStage<?> stage, long expiresAt, boolean pending) {

        boolean isUsable(long now) {
            return pending || now - expiresAt < 0;
        }
    }
}
