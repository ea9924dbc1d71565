package io.mailpipe.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailpipe.dns.UnboundServer;
import io.mailpipe.queue.kafka.EmbeddedKafka;
import io.mailpipe.queue.kafka.TopicReader;
import io.mailpipe.testing.SmtpPeer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local/remote split of routes/delivery.camel.yaml with the Kafka back-end (mailpipe.queue=kafka), which stores
 * one record per recipient domain under one queue id: each local domain's record gets its own file pair in the local
 * sink, the remote recipient goes by MX, and the events topic shows one delivery per recipient.
 */
@ExtendWith(EmbeddedKafka.class)
class KafkaLocalDeliveryIT {

    private static final String PREFIX = "split" + Long.toHexString(System.nanoTime());
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    private UnboundServer dns;
    private SmtpPeer nextHop;
    private ShippedPipeline mailpipe;

    @AfterEach
    void stop() throws Exception {
        if (mailpipe != null) {
            mailpipe.close();
        }
        if (nextHop != null) {
            nextHop.close();
        }
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void eachRecipientIsDeliveredOnceByItsOwnPath() throws Exception {
        dns = UnboundServer.startEmpty();
        nextHop = SmtpPeer.start();
        mailpipe = ShippedPipeline.start(data, dns.hostAndPort(), Map.of(
                "mailpipe.queue", "kafka",
                "mailpipe.kafka.brokers", EmbeddedKafka.bootstrapServers(),
                "mailpipe.kafka.topic-prefix", PREFIX,
                "mailpipe.kafka.group-id", PREFIX,
                "mailpipe.kafka.partitions", "2",
                "mailpipe.kafka.consumers", "1",
                "mailpipe.kafka.poll-timeout-ms", "200",
                "smtpd.local-domains", "localhost,local.example",
                "mailpipe.mx.overrides", "remote.example=127.0.0.1:" + nextHop.port()));

        String transcript = Swaks.send(mailpipe.port("inbound"), "--from", "a@sender.test",
                "--to", "postmaster@localhost,bob@local.example,carol@remote.example",
                "--header", "Subject: kafka split");

        assertTrue(Swaks.queued(transcript), transcript);
        assertEquals(Set.of("delivered postmaster@localhost", "delivered bob@local.example",
                "delivered carol@remote.example"), awaitEvents(3));
        assertEquals(List.of("carol@remote.example"),
                ShippedPipeline.awaitDelivery(nextHop.received, "Subject: kafka split").recipients());
        List<String> files = mailpipe.outboxFiles();
        assertEquals(4, files.size(), files.toString());
        Set<String> stored = new TreeSet<>();
        for (String json : files.stream().filter(f -> f.endsWith(".json")).toList()) {
            JSON.readTree(mailpipe.outbox().resolve(json).toFile()).path("recipients")
                    .forEach(r -> stored.add(r.path("address").asText()));
        }
        assertEquals(Set.of("bob@local.example", "postmaster@localhost"), stored);
    }

    private static Set<String> awaitEvents(int count) throws Exception {
        try (TopicReader events = new TopicReader(EmbeddedKafka.bootstrapServers(), PREFIX + ".events")) {
            List<String> seen = new ArrayList<>();
            for (int round = 0; round < 300 && seen.size() < count; round++) {
                seen.clear();
                for (ConsumerRecord<byte[], byte[]> record : events.poll(Duration.ofMillis(100))) {
                    JsonNode event = JSON.readTree(record.value());
                    seen.add(event.path("event").asText() + " " + event.path("recipient").asText());
                }
            }
            assertEquals(count, seen.size(), seen.toString());
            return new TreeSet<>(seen);
        }
    }
}
