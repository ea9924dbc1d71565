package io.mailpipe.spf;

import io.mailpipe.dns.DnsjavaResolver;
import io.mailpipe.dns.DnsjavaResolverSettings;
import io.mailpipe.dns.Resolver;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SPF throughput benchmark (run by bench/spf-bench.sh, not by the test suite). {@code generate DIR} writes a
 * realistic policy mix (include chains, mx, a, macros with exists, redirect, ip4/ip6 lists) as unbound local-data,
 * as JSON for pyspf and as a query list; {@code run HOST:PORT DIR SECONDS} measures checks per second through
 * {@link DnsjavaResolver} against that server with a warm cache and with no cache, and the JVM thread count while
 * 1,000 checks are in flight.
 */
public final class SpfBenchmark {

    private static final int DOMAINS = 300;
    private static final int IN_FLIGHT = 256;

    private SpfBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("generate")) {
            generate(Path.of(args[1]));
        } else if (args.length == 4 && args[0].equals("run")) {
            run(args[1], Path.of(args[2]), Integer.parseInt(args[3]));
        } else {
            throw new IllegalArgumentException("usage: generate DIR | run HOST:PORT DIR SECONDS");
        }
    }

    private static void generate(Path dir) throws Exception {
        DifferentialZone zone = new DifferentialZone()
                .txt("_spf.esp1.bench", "v=spf1 include:_netblocks1.esp1.bench include:_netblocks2.esp1.bench ~all")
                .txt("_netblocks1.esp1.bench", "v=spf1 ip4:198.51.100.0/25 ip4:203.0.113.0/26 ip6:2001:db8:10::/48 "
                        + "ip4:192.0.2.128/27 -all")
                .txt("_netblocks2.esp1.bench", "v=spf1 ip4:100.64.0.0/16 ip4:100.65.0.0/16 ip4:100.66.0.0/16 -all")
                .txt("_spf.esp2.bench", "v=spf1 a:out1.esp2.bench a:out2.esp2.bench/28 mx:esp2.bench -all")
                .a("out1.esp2.bench", "203.0.113.200").aaaa("out1.esp2.bench", "2001:db8:20::200")
                .a("out2.esp2.bench", "203.0.113.210").aaaa("out2.esp2.bench", "2001:db8:20::210")
                .mx("esp2.bench", 10, "mx1.esp2.bench").a("mx1.esp2.bench", "203.0.113.220")
                .aaaa("mx1.esp2.bench", "2001:db8:20::220")
                .a("mail.shared.bench", "192.0.2.10").aaaa("mail.shared.bench", "2001:db8::10")
                .a("192.0.2.10._spf.macro.bench", "127.0.0.2");
        List<String> queries = new ArrayList<>();
        Random random = new Random(42);
        String[] clients = {"198.51.100.7", "203.0.113.5", "100.65.3.4", "203.0.113.211", "192.0.2.10",
            "2001:db8::10", "203.0.113.221", "192.0.2.99", "10.1.2.3"};
        for (int i = 0; i < DOMAINS; i++) {
            String domain = "d" + i + ".bench";
            zone.txt(domain, policy(i, domain)).a(domain, "192.0.2." + (i % 200 + 20))
                    .mx(domain, 10, "mail.shared.bench");
            for (int q = 0; q < 10; q++) {
                queries.add(clients[random.nextInt(clients.length)] + "\tuser" + q + "@" + domain + "\tmta.client.bench");
            }
        }
        Files.createDirectories(dir);
        Files.write(dir.resolve("unbound-zone.conf"), zone.toUnboundLines("bench"));
        Files.writeString(dir.resolve("zone.json"), zone.toJson());
        Files.write(dir.resolve("queries.tsv"), queries);
    }

    private static String policy(int i, String domain) {
        return switch (i % 5) {
            case 0 -> "v=spf1 include:_spf.esp1.bench include:_spf.esp2.bench mx -all";
            case 1 -> "v=spf1 a mx ip4:198.51.100.0/24 ~all";
            case 2 -> "v=spf1 exists:%{i}._spf.macro.bench include:_spf.esp2.bench -all";
            case 3 -> "v=spf1 redirect=d0.bench";
            default -> "v=spf1 ip4:192.0.2.0/26 ip4:203.0.113.0/24 ip6:2001:db8::/32 a:mail.shared.bench ?all";
        };
    }

    private static void run(String server, Path dir, int seconds) throws Exception {
        List<String[]> queries = Files.readAllLines(dir.resolve("queries.tsv")).stream()
                .map(line -> line.split("\t", -1)).toList();
        DnsjavaResolverSettings base = DnsjavaResolverSettings.defaults()
                .withServers(DnsjavaResolverSettings.parseServers(server)).withTimeout(Duration.ofSeconds(2), 2);
        DnsjavaResolver warm = new DnsjavaResolver(base);
        measure(warm, queries, 2, false);
        System.out.printf("mailpipe warm cache: %.0f checks/s%n", measure(warm, queries, seconds, true));
        DnsjavaResolver cold = new DnsjavaResolver(base.withCacheSize(0));
        System.out.printf("mailpipe cold cache (every query to the server): %.0f checks/s%n",
                measure(cold, queries, seconds, true));
        threadsUnderLoad(new DnsjavaResolver(base.withCacheSize(0)), queries);
    }

    private static double measure(Resolver resolver, List<String[]> queries, int seconds, boolean report)
            throws Exception {
        SpfChecker checker = new SpfChecker(resolver, SpfSettings.defaults());
        Semaphore window = new Semaphore(IN_FLIGHT);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        int i = 0;
        while (System.nanoTime() < end) {
            window.acquire();
            String[] q = queries.get(i++ % queries.size());
            checker.checkMailFrom(new SpfRequest(InetAddress.getByName(q[0]), q[1], q[2]))
                    .whenComplete((r, e) -> {
                        done.incrementAndGet();
                        window.release();
                    });
        }
        window.acquire(IN_FLIGHT);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return done.get() / elapsed;
    }

    private static void threadsUnderLoad(Resolver resolver, List<String[]> queries) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int before = threads.getThreadCount();
        SpfChecker checker = new SpfChecker(resolver, SpfSettings.defaults());
        List<CompletableFuture<SpfResult>> inFlight = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String[] q = queries.get(i % queries.size());
            inFlight.add(checker.checkMailFrom(new SpfRequest(InetAddress.getByName(q[0]), q[1], q[2]))
                    .toCompletableFuture());
        }
        long pending = inFlight.stream().filter(f -> !f.isDone()).count();
        int during = threads.getThreadCount();
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        System.out.printf("threads: %d before, %d with 1000 checks started (%d still in flight), peak %d%n",
                before, during, pending, threads.getPeakThreadCount());
    }
}
