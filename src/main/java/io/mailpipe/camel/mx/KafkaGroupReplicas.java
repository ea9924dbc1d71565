package io.mailpipe.camel.mx;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many replicas share the delivery traffic in Kafka mode, read from Kafka's own group membership: the members of
 * the consumer group that reads the incoming topic, refreshed periodically with the admin API (DescribeGroups). Each
 * replica runs a known number of consumers, so replicas = members / consumers per replica, rounded up, and at least
 * the number of distinct member hosts. Until the first answer, and when the brokers cannot be reached, the last
 * known count stays (1 at first), so a replica never shares out more than it was given.
 */
final class KafkaGroupReplicas implements IntSupplier, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaGroupReplicas.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Admin admin;
    private final String group;
    private final int consumersPerReplica;
    private final ScheduledExecutorService scheduler;
    private volatile int replicas = 1;

    KafkaGroupReplicas(String brokers, String group, int consumersPerReplica, Duration refresh) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.CLIENT_ID_CONFIG, "mailpipe-shaping"));
        this.group = group;
        this.consumersPerReplica = Math.max(1, consumersPerReplica);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "mailpipe-shaping-replicas");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::refresh, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public int getAsInt() {
        return replicas;
    }

    private void refresh() {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(group);
            int counted = count(description.members(), consumersPerReplica);
            if (counted != replicas) {
                LOG.info("traffic shaping: {} replica(s) in consumer group {}; each enforces 1/{} of the limits",
                        counted, group, counted);
            }
            replicas = counted;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("traffic shaping: cannot describe consumer group {}: {}", group, e.toString());
        }
    }

    /** Replicas among {@code members}: at least one, members per replica rounded up, at least distinct hosts. */
    static int count(Collection<MemberDescription> members, int consumersPerReplica) {
        int byMembers = (members.size() + consumersPerReplica - 1) / consumersPerReplica;
        int byHosts = (int) members.stream().map(MemberDescription::host).distinct().count();
        return Math.max(1, Math.max(byMembers, byHosts));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        admin.close(TIMEOUT);
    }
}
