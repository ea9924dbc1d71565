package io.mailpipe.camel.mx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailpipe.delivery.shaping.Scope;
import io.mailpipe.delivery.shaping.SuspensionBroadcast;
import io.mailpipe.delivery.shaping.TrafficShaper;
import io.mailpipe.queue.kafka.KafkaTopicSetup;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator suspensions shared by every replica through a compacted Kafka topic ({@code <prefix>.shaping}, one
 * partition, created when missing): a suspension or resumption is a JSON record {@code {"scope", "name", "until"}}
 * keyed {@code scope/name}, so compaction keeps the latest per site, tenant or campaign. Every replica reads the whole
 * topic from the start without a consumer group (so each sees every record, and a new replica learns the
 * suspensions in force) and applies each record to its shaper.
 */
final class KafkaSuspensionTopic implements SuspensionBroadcast, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSuspensionTopic.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String topic;
    private final TrafficShaper shaper;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final Thread reader;
    private volatile boolean closed;

    KafkaSuspensionTopic(String brokers, String topic, int replicationFactor, TrafficShaper shaper) {
        this.topic = topic;
        this.shaper = shaper;
        createIfMissing(brokers, topic, replicationFactor);
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.CLIENT_ID_CONFIG, "mailpipe-shaping"),
                new StringSerializer(), new StringSerializer());
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.CLIENT_ID_CONFIG, "mailpipe-shaping"),
                new StringDeserializer(), new StringDeserializer());
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        this.reader = new Thread(this::readLoop, "mailpipe-shaping-suspensions");
        reader.setDaemon(true);
        reader.start();
    }

    private static void createIfMissing(String brokers, String topic, int replicationFactor) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            admin.createTopics(List.of(KafkaTopicSetup.shapingTopic(topic, (short) replicationFactor)))
                    .all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the shaping topic " + topic + ": " + e.getCause(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the shaping topic " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot create the shaping topic " + topic + ": no answer in "
                    + TIMEOUT.toSeconds() + " s", e);
        }
    }

    @Override
    public void publish(Scope scope, String name, Instant until) {
        String value = JSON.createObjectNode().put("scope", scope.label()).put("name", name)
                .put("until", until.toString()).toString();
        try {
            producer.send(new ProducerRecord<>(topic, scope.label() + "/" + name, value))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + topic + ": " + e, e);
        }
    }

    private void readLoop() {
        try {
            while (!closed) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    apply(record.value());
                }
            }
        } catch (WakeupException e) {
            if (!closed) {
                LOG.warn("shaping suspensions: reader woken up while open");
            }
        } catch (RuntimeException e) {
            LOG.error("shaping suspensions: reading {} stopped: {}", topic, e.toString());
        } finally {
            consumer.close(TIMEOUT);
        }
    }

    private void apply(String value) {
        try {
            JsonNode record = JSON.readTree(value);
            Scope scope = Scope.named(record.path("scope").asText());
            String name = record.path("name").asText();
            if (scope == null || name.isEmpty()) {
                LOG.warn("shaping suspensions: ignoring a record without scope or name: {}", value);
                return;
            }
            shaper.apply(scope, name, Instant.parse(record.path("until").asText()));
        } catch (java.io.IOException | java.time.format.DateTimeParseException e) {
            LOG.warn("shaping suspensions: ignoring an unreadable record: {}", value);
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        consumer.wakeup();
        reader.join(TIMEOUT.toMillis());
        producer.close(TIMEOUT);
    }
}
