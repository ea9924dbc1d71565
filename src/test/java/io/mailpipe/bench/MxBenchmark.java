package io.mailpipe.bench;

import io.mailpipe.camel.mx.MxConstants;
import io.mailpipe.camel.support.RawMessage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Benchmark driver for bench/mx-bench.sh: sends messages of a given size through a route ending in {@code mx:} to
 * one SMTP server (the override of domain bench.test), keeping a bounded number of exchanges in flight, and prints
 * the delivery rate, failures and the JVM's peak thread count. Arguments: port messages size inFlight connections
 * [rounds].
 */
public final class MxBenchmark {

    private MxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int messages = Integer.parseInt(args[1]);
        int size = Integer.parseInt(args[2]);
        int inFlight = Integer.parseInt(args[3]);
        int connections = Integer.parseInt(args[4]);
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        byte[] content = message(size);
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:bench").to("mx:bench?heloName=bench.client&tlsPolicy=none"
                            + "&maxConnectionsPerDestination=" + connections + "&maxMessagesPerConnection=100000"
                            + "&overrides=bench.test=127.0.0.1:" + port);
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            run(template, content, Math.min(messages, 5000), inFlight);
            for (int round = 1; round <= rounds; round++) {
                long start = System.nanoTime();
                int failed = run(template, content, messages, inFlight);
                double seconds = (System.nanoTime() - start) / 1e9;
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                System.out.printf("round=%d messages=%d failed=%d seconds=%.3f rate=%.1f threads=%d peakThreads=%d%n",
                        round, messages, failed, seconds, messages / seconds, threads.getThreadCount(),
                        threads.getPeakThreadCount());
            }
        }
    }

    private static int run(ProducerTemplate template, byte[] content, int messages, int inFlight)
            throws InterruptedException {
        Semaphore window = new Semaphore(inFlight);
        AtomicInteger failed = new AtomicInteger();
        for (int i = 0; i < messages; i++) {
            window.acquire();
            CompletableFuture<Exchange> sent = template.asyncSend("direct:bench", e -> {
                e.getMessage().setBody(RawMessage.of(content));
                e.getMessage().setHeader(MxConstants.MAIL_FROM, "bench@source.test");
                e.getMessage().setHeader(MxConstants.RCPT_TO, List.of("rcpt@bench.test"));
            });
            sent.whenComplete((exchange, error) -> {
                if (error != null || exchange.getException() != null) {
                    failed.incrementAndGet();
                }
                window.release();
            });
        }
        if (!window.tryAcquire(inFlight, 10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("deliveries did not finish within 10 minutes");
        }
        return failed.get();
    }

    private static byte[] message(int size) {
        StringBuilder text = new StringBuilder("From: bench@source.test\r\nTo: rcpt@bench.test\r\n"
                + "Subject: benchmark\r\n\r\n");
        while (text.length() < size) {
            text.append("0123456789abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.\r\n");
        }
        text.setLength(size - 2);
        text.append("\r\n");
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
