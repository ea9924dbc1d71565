package io.mailpipe.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * {@link CachingResolver} over a scripted, counting resolver and a hand-driven clock: hits within the TTL, misses
 * after it, the maximum TTL, RFC 2308 negative caching, failures not kept (or kept for the failure TTL), one
 * network query for many concurrent lookups of a name, and the size bound with expired entries evicted first.
 */
class CachingResolverTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(42 * SECOND);
    private final ScriptedResolver network = new ScriptedResolver();

    private CachingResolver cache(DnsCacheSettings settings) {
        return new CachingResolver(network, settings, clock::get);
    }

    private void advance(long seconds) {
        clock.addAndGet(seconds * SECOND);
    }

    private static <T> DnsAnswer<T> get(CompletionStage<DnsAnswer<T>> stage) throws Exception {
        return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static DnsAnswer<Inet4Address> address(String text, long ttlSeconds) throws Exception {
        return DnsAnswer.found(List.of((Inet4Address) InetAddress.getByName(text)))
                .withTtl(Duration.ofSeconds(ttlSeconds));
    }

    @Test
    void answersFromTheCacheUntilTheTtlRunsOut() throws Exception {
        network.answer("A example.com", address("192.0.2.1", 60));
        CachingResolver resolver = cache(DnsCacheSettings.defaults());
        CompletionStage<DnsAnswer<Inet4Address>> first = resolver.lookupA("example.com");
        assertEquals(address("192.0.2.1", 60), get(first));
        advance(59);
        CompletionStage<DnsAnswer<Inet4Address>> hit = resolver.lookupA("Example.COM.");
        assertTrue(hit.toCompletableFuture().isDone());
        assertSame(hit, resolver.lookupA("example.com"));
        assertEquals(1, network.queries("A example.com"));
        advance(1);
        assertEquals(address("192.0.2.1", 60), get(resolver.lookupA("example.com")));
        assertEquals(2, network.queries("A example.com"));
    }

    @Test
    void keepsTypesAndNamesApart() throws Exception {
        network.answer("A example.com", address("192.0.2.1", 60));
        network.answer("A other.example", address("192.0.2.2", 60));
        CachingResolver resolver = cache(DnsCacheSettings.defaults());
        assertEquals(address("192.0.2.1", 60), get(resolver.lookupA("example.com")));
        assertEquals(address("192.0.2.2", 60), get(resolver.lookupA("other.example")));
        assertEquals(DnsStatus.NXDOMAIN, get(resolver.lookupTxt("example.com")).status());
        assertEquals(1, network.queries("TXT example.com"));
        assertEquals(1, network.queries("A other.example"));
    }

    @Test
    void capsLongTtlsAtTheMaximum() throws Exception {
        network.answer("A example.com", address("192.0.2.1", 86_400));
        CachingResolver resolver = cache(DnsCacheSettings.defaults().withMaxTtl(Duration.ofSeconds(10)));
        get(resolver.lookupA("example.com"));
        advance(9);
        get(resolver.lookupA("example.com"));
        assertEquals(1, network.queries("A example.com"));
        advance(1);
        get(resolver.lookupA("example.com"));
        assertEquals(2, network.queries("A example.com"));
    }

    @Test
    void cachesNxdomainAndNodataForTheirNegativeTtl() throws Exception {
        network.answer("TXT gone.example", DnsAnswer.nxdomain().withTtl(Duration.ofSeconds(30)));
        network.answer("TXT empty.example", DnsAnswer.nodata().withTtl(Duration.ofSeconds(5)));
        CachingResolver resolver = cache(DnsCacheSettings.defaults());
        assertEquals(DnsStatus.NXDOMAIN, get(resolver.lookupTxt("gone.example")).status());
        assertEquals(DnsStatus.NODATA, get(resolver.lookupTxt("empty.example")).status());
        advance(5);
        assertEquals(DnsStatus.NXDOMAIN, get(resolver.lookupTxt("gone.example")).status());
        assertEquals(DnsStatus.NODATA, get(resolver.lookupTxt("empty.example")).status());
        assertEquals(1, network.queries("TXT gone.example"));
        assertEquals(2, network.queries("TXT empty.example"));
    }

    @Test
    void doesNotKeepAnswersWithoutTtl() throws Exception {
        network.answer("TXT gone.example", DnsAnswer.nxdomain());
        CachingResolver resolver = cache(DnsCacheSettings.defaults());
        get(resolver.lookupTxt("gone.example"));
        get(resolver.lookupTxt("gone.example"));
        assertEquals(2, network.queries("TXT gone.example"));
        assertEquals(0, resolver.size());
    }

    @Test
    void asksAgainAfterServfailAndTimeout() throws Exception {
        network.answer("TXT broken.example", DnsAnswer.<TxtRecord>servfail("upstream failed")
                .withTtl(Duration.ofSeconds(300)));
        network.answer("TXT slow.example", DnsAnswer.timeout("no answer in time"));
        CachingResolver resolver = cache(DnsCacheSettings.defaults());
        for (int i = 0; i < 3; i++) {
            assertEquals(DnsStatus.SERVFAIL, get(resolver.lookupTxt("broken.example")).status());
            assertEquals(DnsStatus.TIMEOUT, get(resolver.lookupTxt("slow.example")).status());
        }
        assertEquals(3, network.queries("TXT broken.example"));
        assertEquals(3, network.queries("TXT slow.example"));
    }

    @Test
    void keepsFailuresForTheFailureTtlWhenConfigured() throws Exception {
        network.answer("TXT broken.example", DnsAnswer.servfail("upstream failed"));
        CachingResolver resolver = cache(DnsCacheSettings.defaults().withFailureTtl(Duration.ofSeconds(2)));
        get(resolver.lookupTxt("broken.example"));
        advance(1);
        get(resolver.lookupTxt("broken.example"));
        assertEquals(1, network.queries("TXT broken.example"));
        advance(1);
        get(resolver.lookupTxt("broken.example"));
        assertEquals(2, network.queries("TXT broken.example"));
    }

    @Test
    void passesOnAFailedStageWithoutKeepingIt() throws Exception {
        network.fail("crash.example");
        CachingResolver resolver = cache(DnsCacheSettings.defaults());
        ExecutionException error = assertThrows(ExecutionException.class,
                () -> get(resolver.lookupTxt("crash.example")));
        assertEquals("resolver crashed", error.getCause().getMessage());
        assertThrows(ExecutionException.class, () -> get(resolver.lookupTxt("crash.example")));
        assertEquals(2, network.queries("TXT crash.example"));
        assertEquals(0, resolver.size());
    }

    @Test
    void sharesOneQueryAmongConcurrentLookups() throws Exception {
        CompletableFuture<DnsAnswer<?>> release = new CompletableFuture<>();
        network.hold("busy.example", release);
        CachingResolver resolver = cache(DnsCacheSettings.defaults());
        int callers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CompletionStage<DnsAnswer<Inet4Address>>>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String spelling = i % 2 == 0 ? "busy.example" : "BUSY.example.";
                calls.add(pool.submit(() -> {
                    start.await(5, TimeUnit.SECONDS);
                    return resolver.lookupA(spelling);
                }));
            }
            start.countDown();
            List<CompletionStage<DnsAnswer<Inet4Address>>> stages = new ArrayList<>();
            for (Future<CompletionStage<DnsAnswer<Inet4Address>>> call : calls) {
                stages.add(call.get(5, TimeUnit.SECONDS));
            }
            assertTrue(stages.stream().noneMatch(s -> s.toCompletableFuture().isDone()));
            release.complete(address("192.0.2.9", 60));
            for (CompletionStage<DnsAnswer<Inet4Address>> stage : stages) {
                assertEquals(address("192.0.2.9", 60), get(stage));
            }
        } finally {
            pool.shutdownNow();
        }
        get(resolver.lookupA("busy.example"));
        assertEquals(1, network.queries("A busy.example"));
    }

    @Test
    void staysWithinItsSizeBound() throws Exception {
        CachingResolver resolver = cache(DnsCacheSettings.defaults().withMaxEntries(100));
        for (int i = 0; i < 1_000; i++) {
            network.answer("A host" + i + ".example", address("192.0.2.1", 3600));
            get(resolver.lookupA("host" + i + ".example"));
            assertTrue(resolver.size() <= 100, "size " + resolver.size() + " after " + (i + 1) + " names");
        }
        get(resolver.lookupA("host999.example"));
        assertEquals(1, network.queries("A host999.example"));
    }

    @Test
    void evictsExpiredEntriesBeforeLiveOnes() throws Exception {
        CachingResolver resolver = cache(DnsCacheSettings.defaults().withMaxEntries(10));
        for (int i = 0; i < 5; i++) {
            network.answer("A long" + i + ".example", address("192.0.2.1", 3600));
            network.answer("A short" + i + ".example", address("192.0.2.2", 1));
            get(resolver.lookupA("long" + i + ".example"));
            get(resolver.lookupA("short" + i + ".example"));
        }
        advance(2);
        network.answer("A new.example", address("192.0.2.3", 3600));
        get(resolver.lookupA("new.example"));
        assertEquals(6, resolver.size());
        for (int i = 0; i < 5; i++) {
            get(resolver.lookupA("long" + i + ".example"));
            assertEquals(1, network.queries("A long" + i + ".example"));
        }
    }

    @Test
    void cachesPtrByAddressAndServesAddressLookups() throws Exception {
        InetAddress client = InetAddress.getByName("192.0.2.7");
        network.answer("PTR 192.0.2.7", 
                DnsAnswer.found(List.of("mail.example")).withTtl(Duration.ofSeconds(60)));
        network.answer("A example.com", address("192.0.2.1", 60));
        CachingResolver resolver = cache(DnsCacheSettings.defaults());
        get(resolver.lookupPtr(client));
        get(resolver.lookupA("example.com"));
        assertEquals(List.of("mail.example"), get(resolver.lookupPtr(InetAddress.getByName("192.0.2.7"))).records());
        assertEquals(1, network.queries("PTR 192.0.2.7"));
        assertSame(resolver.lookupA("example.com"), resolver.lookupAddresses("example.com", false));
        assertNotSame(resolver.lookupA("example.com"), resolver.lookupAddresses("example.com", true));
        assertEquals(1, network.queries("A example.com"));
    }

    /** Answers from a script keyed by "TYPE name", counts queries per key, and can hold an answer back or fail. */
    private static final class ScriptedResolver implements Resolver {
        private final Map<String, Object> answers = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        void answer(String query, DnsAnswer<?> answer) {
            answers.put(query, answer);
        }

            void hold(String name, CompletableFuture<DnsAnswer<?>> release) {
            answers.put("A " + name, release);
        }

        void fail(String name) {
            answers.put("TXT " + name, new IllegalStateException("resolver crashed"));
        }

        int queries(String key) {
            AtomicInteger count = counts.get(key);
            return count == null ? 0 : count.get();
        }

        @SuppressWarnings("unchecked")
        private <T> CompletionStage<DnsAnswer<T>> respond(String type, String name) {
            String query = type + " " + name;
            counts.computeIfAbsent(query, k -> new AtomicInteger()).incrementAndGet();
            Object scripted = answers.getOrDefault(query, DnsAnswer.nxdomain());
            if (scripted instanceof RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            if (scripted instanceof CompletableFuture<?> held) {
                return (CompletionStage<DnsAnswer<T>>) held;
            }
            return CompletableFuture.completedFuture((DnsAnswer<T>) scripted);
        }

        @Override
        public CompletionStage<DnsAnswer<Inet4Address>> lookupA(String name) {
            return respond("A", name);
        }

        @Override
        public CompletionStage<DnsAnswer<Inet6Address>> lookupAaaa(String name) {
            return respond("AAAA", name);
        }

        @Override
        public CompletionStage<DnsAnswer<MxRecord>> lookupMx(String name) {
            return respond("MX", name);
        }

        @Override
        public CompletionStage<DnsAnswer<TxtRecord>> lookupTxt(String name) {
            return respond("TXT", name);
        }

        @Override
        public CompletionStage<DnsAnswer<String>> lookupPtr(InetAddress address) {
            return respond("PTR", address.getHostAddress());
        }
    }
}
