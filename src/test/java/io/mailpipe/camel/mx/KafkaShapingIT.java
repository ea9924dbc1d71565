package io.mailpipe.camel.mx;

import io.mailpipe.delivery.shaping.BackOffSettings;
import io.mailpipe.delivery.shaping.Scope;
import io.mailpipe.delivery.shaping.ShapingPolicy;
import io.mailpipe.delivery.shaping.SiteLimits;
import io.mailpipe.delivery.shaping.SiteRule;
import io.mailpipe.delivery.shaping.TrafficShaper;
import io.mailpipe.queue.kafka.EmbeddedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Traffic shaping across replicas against a real Kafka broker: operator suspensions published on the compacted
 * shaping topic reach every replica, including one started later, and the replica count follows the members of a
 * consumer group.
 */
@ExtendWith(EmbeddedKafka.class)
class KafkaShapingIT {

    private final String prefix = "shaping-it-" + UUID.randomUUID();
    private final List<AutoCloseable> closeAfter = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = closeAfter.size() - 1; i >= 0; i--) {
            closeAfter.get(i).close();
        }
    }

    private TrafficShaper replica() {
        TrafficShaper shaper = new TrafficShaper(new ShapingPolicy(List.of(new SiteRule("gmail",
                List.of("*.google.com"), SiteLimits.UNLIMITED)), SiteLimits.UNLIMITED, Map.of(), Map.of(),
                BackOffSettings.DEFAULTS), () -> 1);
        KafkaSuspensionTopic topic = new KafkaSuspensionTopic(EmbeddedKafka.bootstrapServers(), prefix + ".shaping",
                1, shaper);
        shaper.broadcastTo(topic);
        closeAfter.add(topic);
        return shaper;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 300 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    private static boolean siteSuspended(TrafficShaper shaper, String site) {
        return shaper.report().stream().anyMatch(r -> r.site().equals(site) && r.operatorSuspended());
    }

    @Test
    void suspensionsReachEveryReplicaIncludingLaterOnes() throws Exception {
        TrafficShaper first = replica();
        TrafficShaper second = replica();

        first.suspend(Scope.SITE, "gmail", Duration.ofMinutes(30));
        await("the other replica suspends gmail", () -> siteSuspended(second, "gmail"));
        await("the asking replica applies its own record", () -> siteSuspended(first, "gmail"));

        assertTrue(second.resume(Scope.SITE, "gmail"), "the resuming replica had gmail suspended");
        await("the first replica resumes gmail", () -> !siteSuspended(first, "gmail"));

        first.suspend(Scope.TENANT, "acme", Duration.ofMinutes(10));
        TrafficShaper late = replica();
        await("a replica started later learns the tenant suspension",
                () -> late.suspended(Scope.TENANT).containsKey("acme"));
        assertFalse(siteSuspended(late, "gmail"), "the latest record for gmail is its resumption");
    }

    @Test
    void replicaCountFollowsConsumerGroupMembers() throws Exception {
        String group = prefix + ".incoming-group";
        KafkaGroupReplicas replicas = new KafkaGroupReplicas(EmbeddedKafka.bootstrapServers(), group, 1,
                Duration.ofMillis(200));
        closeAfter.add(replicas);
        KafkaConsumer<String, String> one = member(group);
        KafkaConsumer<String, String> two = member(group);
        await("two members, two replicas", () -> {
            one.poll(Duration.ofMillis(100));
            two.poll(Duration.ofMillis(100));
            return replicas.getAsInt() == 2;
        });
        two.close(Duration.ofSeconds(5));
        closeAfter.remove(two);
        await("one member left, one replica", () -> {
            one.poll(Duration.ofMillis(100));
            return replicas.getAsInt() == 1;
        });
        assertEquals(1, replicas.getAsInt());
    }

    private KafkaConsumer<String, String> member(String group) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(prefix + ".incoming"));
        closeAfter.add(consumer);
        return consumer;
    }
}
