package io.mailpipe.app.observe;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Readiness of the Kafka back-end: the brokers answer a cluster description within the timeout. The answer is kept
 * for {@code cacheFor}; a stale one is refreshed in the background, so a probe never waits for Kafka (the first
 * probes report down until the first answer came).
 */
public final class KafkaBrokerCheck implements HealthCheck {

    private final Admin admin;
    private final Duration timeout;
    private final long cacheNanos;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile CheckResult last = CheckResult.unhealthy("not checked yet");
    private volatile boolean answered;
    private volatile long answeredAt;

    public KafkaBrokerCheck(Admin admin, Duration timeout, Duration cacheFor) {
        this.admin = admin;
        this.timeout = timeout;
        this.cacheNanos = cacheFor.toNanos();
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public CheckResult check() {
        boolean stale = !answered || System.nanoTime() - answeredAt > cacheNanos;
        if (stale && refreshing.compareAndSet(false, true)) {
            refresh();
        }
        return last;
    }

    private void refresh() {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis())).nodes()
                    .whenComplete((nodes, error) -> answered(error == null && !nodes.isEmpty()
                            ? CheckResult.healthy()
                            : CheckResult.unhealthy(error == null ? "no brokers" : "brokers unreachable: " + error)));
        } catch (RuntimeException e) {
            answered(CheckResult.unhealthy("brokers unreachable: " + e));
        }
    }

    private void answered(CheckResult result) {
        last = result;
        answeredAt = System.nanoTime();
        answered = true;
        refreshing.set(false);
    }
}
