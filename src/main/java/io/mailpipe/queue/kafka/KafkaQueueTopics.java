package io.mailpipe.queue.kafka;

import java.util.ArrayList;
import java.util.List;

/**
 * The topics of the Kafka queue, named after message states like Postfix's queues:
 * <ul>
 *   <li>{@code mail.incoming}: freshly accepted messages, keyed by recipient domain (one record per domain);</li>
 *   <li>{@code mail.retry.<tier>}: deferred messages, one topic per fixed delay ({@link RetryTiers});</li>
 *   <li>{@code mail.dead}: messages with nothing left to try and at least one bounced recipient;</li>
 *   <li>{@code mail.events}: one JSON event per recipient outcome, keyed by queue id;</li>
 *   <li>{@code mail.delivered}: compacted, one marker per delivered recipient ({@link DeliveredLedger});</li>
 *   <li>{@code mail.submit}: JSON send requests of bulk senders, {@code mail.submit.rejected} the requests refused
 *       with their reason, {@code mail.submit.idempotency} (compacted) the keys of requests already queued;</li>
 *   <li>{@code mail.suppressed}: compacted, the suppression list ({@link SuppressionList});</li>
 *   <li>{@code mail.shaping}: compacted, one partition, the operator suspensions of traffic shaping that every
 *       replica applies.</li>
 * </ul>
 * A prefix other than {@code mail} lets several installations share one cluster.
 */
public record KafkaQueueTopics(String prefix, RetryTiers tiers) {

    public static final String DEFAULT_PREFIX = "mail";

    public String incoming() {
        return prefix + ".incoming";
    }

    public String retry(RetryTiers.Tier tier) {
        return prefix + ".retry." + tier.name();
    }

    public String dead() {
        return prefix + ".dead";
    }

    public String events() {
        return prefix + ".events";
    }

    public String delivered() {
        return prefix + ".delivered";
    }

    public String submit() {
        return prefix + ".submit";
    }

    public String submitRejected() {
        return prefix + ".submit.rejected";
    }

    public String submitIdempotency() {
        return prefix + ".submit.idempotency";
    }

    public String suppressed() {
        return prefix + ".suppressed";
    }

    public String shaping() {
        return prefix + ".shaping";
    }

    /** The topics that hold messages: incoming, every retry tier and dead. */
    public List<String> messageTopics() {
        List<String> topics = new ArrayList<>();
        topics.add(incoming());
        tiers.all().forEach(tier -> topics.add(retry(tier)));
        topics.add(dead());
        return topics;
    }
}
