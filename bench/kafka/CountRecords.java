import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Waits until a topic holds at least N records (summed end offsets over its partitions) and prints the epoch
 * milliseconds when it did; exits 1 after the time limit. Usage: CountRecords BOOTSTRAP TOPIC N SECONDS.
 */
public class CountRecords {
    public static void main(String[] args) throws Exception {
        long wanted = Long.parseLong(args[2]);
        long deadline = System.currentTimeMillis() + Long.parseLong(args[3]) * 1000;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            while (System.currentTimeMillis() < deadline) {
                List<TopicPartition> partitions = consumer.partitionsFor(args[1], Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(args[1], p.partition())).toList();
                long total = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
                if (total >= wanted) {
                    System.out.println(System.currentTimeMillis());
                    return;
                }
                Thread.sleep(50);
            }
        }
        System.exit(1);
    }
}
