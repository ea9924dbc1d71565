package io.mailpipe.queue.kafka;

import io.mailpipe.feedback.SuppressionEntry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Operator access to the suppression topic: add entries and remove addresses (tombstones), each call returning once
 * the broker acknowledged every record (acks=all), and read the whole list. The topic must exist (mailpipe creates
 * it at start in Kafka mode, or a deployment does): it is never auto-created here, since a topic created by a
 * producer would not be compacted.
 */
public final class SuppressionAdmin implements AutoCloseable {

    private final String bootstrapServers;
    private final String topic;
    private final Duration timeout;
    private final AcknowledgedWriter writer;

    public SuppressionAdmin(String bootstrapServers, String topic, Duration timeout) throws IOException {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.timeout = timeout;
        this.writer = new AcknowledgedWriter(bootstrapServers, topic, timeout, Duration.ZERO);
    }

    public void add(List<SuppressionEntry> entries) throws IOException {
        for (SuppressionEntry entry : entries) {
            writer.send(bytes(entry.key()), entry.toJson());
        }
        writer.awaitAcknowledged();
    }

    public void remove(String scope, List<String> addresses) throws IOException {
        for (String address : addresses) {
            writer.send(bytes(SuppressionEntry.key(scope, address)), null);
        }
        writer.awaitAcknowledged();
    }

    /** Every entry on the list now. */
    public List<SuppressionEntry> list() throws IOException, InterruptedException {
        try (SuppressionList list = new SuppressionList(bootstrapServers, topic)) {
            list.start();
            if (!list.awaitCaughtUp(timeout)) {
                throw new IOException("could not read " + topic + " within " + timeout.toMillis() + " ms");
            }
            return list.entries();
        }
    }

    @Override
    public void close() {
        writer.close();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
