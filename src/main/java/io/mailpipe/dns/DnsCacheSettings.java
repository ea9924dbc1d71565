package io.mailpipe.dns;

import java.time.Duration;

/**
 * Settings of a {@link CachingResolver}: how many answers it keeps at most, the longest time any answer is kept
 * whatever its TTL says (RFC 1035 §3.2.1 TTLs are upper bounds a cache may shorten; RFC 2308 §5 suggests capping
 * negative TTLs too), and how long SERVFAIL and timeout answers are kept ({@link Duration#ZERO}: not at all, so the
 * next lookup asks again; RFC 2308 §7.1 allows at most five minutes).
 */
public record DnsCacheSettings(int maxEntries, Duration maxTtl, Duration failureTtl) {

    public static final int DEFAULT_MAX_ENTRIES = 50_000;
    public static final Duration DEFAULT_MAX_TTL = Duration.ofDays(1);
    private static final Duration MAX_FAILURE_TTL = Duration.ofMinutes(5);

    public DnsCacheSettings {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
        }
        if (maxTtl.isNegative() || failureTtl.isNegative() || failureTtl.compareTo(MAX_FAILURE_TTL) > 0) {
            throw new IllegalArgumentException("TTLs must be >= 0 and failureTtl at most 5 minutes");
        }
    }

    /** 50,000 answers, kept at most one day, failures not kept. */
    public static DnsCacheSettings defaults() {
        return new DnsCacheSettings(DEFAULT_MAX_ENTRIES, DEFAULT_MAX_TTL, Duration.ZERO);
    }

    public DnsCacheSettings withMaxEntries(int entries) {
        return new DnsCacheSettings(entries, maxTtl, failureTtl);
    }

    public DnsCacheSettings withMaxTtl(Duration ttl) {
        return new DnsCacheSettings(maxEntries, ttl, failureTtl);
    }

    public DnsCacheSettings withFailureTtl(Duration ttl) {
        return new DnsCacheSettings(maxEntries, maxTtl, ttl);
    }
}
