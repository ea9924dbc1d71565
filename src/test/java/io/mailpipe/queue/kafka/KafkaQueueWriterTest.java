package io.mailpipe.queue.kafka;

import io.mailpipe.queue.QueueRecord;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.MessageRejectedException;
import io.mailpipe.smtp.Recipient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Without an acknowledgement there is no success: an unreachable broker makes the enqueue fail (the smtpd consumer
 * answers 451, never 250), and a message too large for one record is refused with 552 5.3.4 before any I/O.
 */
class KafkaQueueWriterTest {

    private static QueueRecord message() {
        return QueueRecord.accepted("Q2", Instant.now(), new MailFrom("a@example.org", OptionalLong.empty(), null,
                false, null, null), List.of(new Recipient("b@example.net", Set.of(), null)), null, null);
    }

    private static KafkaQueueWriter writerFor(String bootstrap) {
        return KafkaQueueWriter.connect(new KafkaQueueSettings(bootstrap, new KafkaQueueTopics("t",
                RetryTiers.parse(RetryTiers.DEFAULT)), 1, (short) 1, 65536, Duration.ofSeconds(2)));
    }

    @Test
    void anUnreachableBrokerFailsTheEnqueue() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (KafkaQueueWriter writer = writerFor("127.0.0.1:" + closedPort)) {
            assertThrows(IOException.class, () -> writer.enqueue(message(), new byte[100]));
        }
    }

    @Test
    void aMessageTooLargeForOneRecordIsRefusedWith552() {
        try (KafkaQueueWriter writer = writerFor("127.0.0.1:9")) {
            MessageRejectedException refused = assertThrows(MessageRejectedException.class,
                    () -> writer.enqueue(message(), new byte[65536]));
            assertEquals(552, refused.reply().code());
            assertEquals("5.3.4", refused.reply().enhancedStatus());
        }
    }
}
