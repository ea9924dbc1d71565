package io.mailpipe.queue.kafka;

import io.mailpipe.feedback.BounceCategory;
import io.mailpipe.feedback.SuppressionEntry;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The suppression list against a real broker: entries written before a reader starts are loaded, later ones and
 * tombstones are followed, a tenant's own entry comes before the global one, and a tenant entry does not suppress
 * the address for other tenants.
 */
@ExtendWith(EmbeddedKafka.class)
class SuppressionListIT {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void loadsFollowsTombstonesAndScopes() throws Exception {
        String topic = "sl" + Long.toHexString(System.nanoTime()) + ".suppressed";
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all()
                    .get(30, TimeUnit.SECONDS);
        }
        try (SuppressionAdmin writer = new SuppressionAdmin(EmbeddedKafka.bootstrapServers(), topic,
                Duration.ofSeconds(20))) {
            writer.add(List.of(entry(null, "gone@x.example", BounceCategory.BAD_MAILBOX),
                    entry("acme", "Complained@X.example", BounceCategory.POLICY)));
            try (SuppressionList list = new SuppressionList(EmbeddedKafka.bootstrapServers(), topic)) {
                list.start();
                assertTrue(list.awaitCaughtUp(Duration.ofSeconds(30)));
                assertEquals(BounceCategory.BAD_MAILBOX, list.find("acme", "GONE@x.example").orElseThrow().category());
                assertTrue(list.find("acme", "complained@x.example").isPresent());
                assertFalse(list.find("other", "complained@x.example").isPresent());
                assertFalse(list.find(null, "complained@x.example").isPresent());

                writer.add(List.of(entry(null, "complained@x.example", BounceCategory.OTHER)));
                writer.remove(null, List.of("gone@x.example"));
                awaitUntil(() -> list.find(null, "complained@x.example").isPresent()
                        && list.find(null, "gone@x.example").isEmpty());
                assertEquals(BounceCategory.POLICY, list.find("acme", "complained@x.example").orElseThrow()
                        .category());
                assertEquals(List.of("*/complained@x.example", "acme/complained@x.example"),
                        list.entries().stream().map(SuppressionEntry::key).toList());
            }
            assertEquals(2, writer.list().size());
        }
    }

    private static SuppressionEntry entry(String scope, String address, BounceCategory category) {
        return new SuppressionEntry(scope, address, SuppressionEntry.OPERATOR, category, AT, "test");
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int round = 0; round < 200 && !condition.getAsBoolean(); round++) {
            Thread.sleep(100);
        }
        assertTrue(condition.getAsBoolean(), "condition not reached within 20 s");
    }
}
