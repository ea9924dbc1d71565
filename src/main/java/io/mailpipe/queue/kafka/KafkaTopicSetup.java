package io.mailpipe.queue.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the queue's topics when they are missing (existing ones are left as they are): message topics accept
 * records up to the configured size and, with three or more replicas, need two in sync for a write
 * (min.insync.replicas, so acks=all means two copies); {@code mail.delivered} is compacted with a retention longer
 * than the queue lifetime. The bulk injection topics come along: {@code mail.submit} and {@code mail.submit.rejected}
 * are set up like message topics, {@code mail.submit.idempotency} is compacted with the same retention as
 * {@code mail.delivered}, which is how long a request key is remembered. {@code mail.suppressed} is compacted only:
 * an address stays suppressed until a tombstone removes it. {@code mail.shaping} (operator suspensions of traffic
 * shaping) is compacted only and has one partition, so every replica reads all suspensions in order; it is planned
 * whether or not shaping is on, so a deployment that creates topics up front can switch shaping on later.
 */
public final class KafkaTopicSetup {

    private KafkaTopicSetup() {
    }

    public static void ensureTopics(KafkaQueueSettings settings, Duration deliveredRetention)
            throws java.io.IOException {
        List<NewTopic> wanted = plannedTopics(settings, deliveredRetention);
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                settings.bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(settings.ackTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            createAll(admin, missing, settings.ackTimeout());
        } catch (ExecutionException | TimeoutException e) {
            throw new java.io.IOException("cannot set up the queue topics on " + settings.bootstrapServers(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.IOException("interrupted while setting up the queue topics", e);
        }
    }

    /**
     * Every topic of the queue as it is created when missing: name, partitions, replication factor and the
     * topic-level settings. Deployments that create the topics up front (for example as Kubernetes resources) use
     * the same list.
     */
    public static List<NewTopic> plannedTopics(KafkaQueueSettings settings, Duration deliveredRetention) {
        KafkaQueueTopics topics = settings.topics();
        List<NewTopic> wanted = new ArrayList<>();
        Map<String, String> messageConfig = Map.of(
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(settings.maxRequestSize()),
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, settings.replicationFactor() >= 3 ? "2" : "1");
        topics.messageTopics().forEach(name -> wanted.add(topic(settings, name, messageConfig)));
        wanted.add(topic(settings, topics.events(), Map.of()));
        Map<String, String> compacted = Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT + ","
                        + TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(deliveredRetention.toMillis()));
        wanted.add(topic(settings, topics.delivered(), compacted));
        wanted.add(topic(settings, topics.submit(), messageConfig));
        wanted.add(topic(settings, topics.submitRejected(), messageConfig));
        wanted.add(topic(settings, topics.submitIdempotency(), compacted));
        wanted.add(topic(settings, topics.suppressed(), Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT)));
        wanted.add(shapingTopic(topics.shaping(), settings.replicationFactor()));
        return wanted;
    }

    /** The compacted, single-partition topic of traffic shaping suspensions named {@code name}. */
    public static NewTopic shapingTopic(String name, short replicationFactor) {
        return new NewTopic(name, 1, replicationFactor).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    private static void createAll(Admin admin, List<NewTopic> missing, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (missing.isEmpty()) {
            return;
        }
        var futures = admin.createTopics(missing).values();
        for (var future : futures.values()) {
            try {
                future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    private static NewTopic topic(KafkaQueueSettings settings, String name, Map<String, String> config) {
        return new NewTopic(name, settings.partitions(), settings.replicationFactor()).configs(config);
    }
}
