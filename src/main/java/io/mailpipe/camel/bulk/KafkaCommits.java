package io.mailpipe.camel.bulk;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * The last step of a Kafka consumer route with manual commits: commits the consumed offsets once the last record of
 * a poll is done, so a record counts as consumed only after everything the route did with it was acknowledged.
 */
public final class KafkaCommits {

    private KafkaCommits() {
    }

    public static void commitIfLast(Exchange exchange) {
        Message in = exchange.getMessage();
        KafkaManualCommit commit = in.getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        if (commit != null && Boolean.TRUE.equals(in.getHeader(KafkaConstants.LAST_RECORD_BEFORE_COMMIT,
                Boolean.class))) {
            commit.commit();
        }
    }
}
