package io.mailpipe.camel.mx;

import io.mailpipe.delivery.shaping.ShapingFile;
import io.mailpipe.delivery.shaping.ShapingFileException;
import io.mailpipe.delivery.shaping.ShapingPolicy;
import io.mailpipe.delivery.shaping.TrafficShaper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.apache.camel.CamelContext;

/**
 * Builds the traffic shaper of the {@code mx:} component from the properties {@code mailpipe.shaping.enabled} and
 * {@code mailpipe.shaping.file} (empty: the presets shipped as {@code shaping.yaml}), reading and checking the file
 * at start so a bad entry stops start-up with the file and entry named. In Kafka mode the limits are shared among
 * the live replicas that {@link KafkaGroupReplicas} counts.
 */
final class ShapingSetup {

    static final String ENABLED = "mailpipe.shaping.enabled";
    static final String FILE = "mailpipe.shaping.file";
    static final String PRESETS = "shaping.yaml";
    /** The registry name under which the shaper is bound for the management endpoint. */
    static final String BEAN = TrafficShaper.BEAN_NAME;
    static final int REPLICA_REFRESH_SECONDS = 15;

    private ShapingSetup() {
    }

    static boolean enabled(CamelContext context) {
        return Boolean.parseBoolean(property(context, ENABLED, "false"));
    }

    /** The shaper over the limits file the properties name, sharing limits among {@code replicas}. */
    static TrafficShaper create(CamelContext context, IntSupplier replicas) {
        return new TrafficShaper(policy(property(context, FILE, "")), replicas);
    }

    /**
     * In Kafka mode ({@code mailpipe.queue=kafka}), the replica count from the membership of the consumer group that
     * reads the incoming topic ({@code <group-id>.<topic-prefix>.incoming}, as routes/kafka/delivery.camel.yaml
     * names it); null in spool mode, where one process delivers and keeps the full limits.
     */
    static KafkaGroupReplicas kafkaReplicas(CamelContext context) {
        if (!property(context, "mailpipe.queue", "spool").equals("kafka")) {
            return null;
        }
        String group = property(context, "mailpipe.kafka.group-id", "mailpipe") + "."
                + property(context, "mailpipe.kafka.topic-prefix", "mail") + ".incoming";
        int consumers = Integer.parseInt(property(context, "mailpipe.kafka.consumers", "1"));
        return new KafkaGroupReplicas(property(context, "mailpipe.kafka.brokers", "127.0.0.1:9092"), group,
                consumers, Duration.ofSeconds(REPLICA_REFRESH_SECONDS));
    }

    static ShapingPolicy policy(String file) {
        if (file.isBlank()) {
            try (InputStream in = ShapingSetup.class.getClassLoader().getResourceAsStream(PRESETS)) {
                if (in == null) {
                    throw new ShapingFileException("classpath:" + PRESETS + ": not found", null);
                }
                return ShapingFile.read(in, "classpath:" + PRESETS);
            } catch (IOException e) {
                throw new ShapingFileException("classpath:" + PRESETS + ": " + e.getMessage(), e);
            }
        }
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return ShapingFile.read(in, file + " (" + FILE + ")");
        } catch (NoSuchFileException e) {
            throw new ShapingFileException(file + " (" + FILE + "): no such file", e);
        } catch (IOException e) {
            throw new ShapingFileException(file + " (" + FILE + "): " + e.getMessage(), e);
        }
    }

    /**
     * In Kafka mode, the compacted topic {@code <topic-prefix>.shaping} that carries operator suspensions to every
     * replica, set as {@code shaper}'s broadcast; null in spool mode.
     */
    static KafkaSuspensionTopic kafkaSuspensions(CamelContext context, TrafficShaper shaper) {
        if (!property(context, "mailpipe.queue", "spool").equals("kafka")) {
            return null;
        }
        KafkaSuspensionTopic topic = new KafkaSuspensionTopic(
                property(context, "mailpipe.kafka.brokers", "127.0.0.1:9092"),
                property(context, "mailpipe.kafka.topic-prefix", "mail") + ".shaping",
                Integer.parseInt(property(context, "mailpipe.kafka.replication-factor", "1")), shaper);
        shaper.broadcastTo(topic);
        return topic;
    }

    private static String property(CamelContext context, String name, String absent) {
        return context.getPropertiesComponent().resolveProperty(name).map(String::trim).orElse(absent);
    }
}
