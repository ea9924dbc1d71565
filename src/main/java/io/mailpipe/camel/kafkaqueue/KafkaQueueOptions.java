package io.mailpipe.camel.kafkaqueue;

import io.mailpipe.queue.BounceSink;
import io.mailpipe.queue.QueueLifetime;
import io.mailpipe.queue.RetrySchedule;
import io.mailpipe.queue.kafka.HardBounceSuppression;
import io.mailpipe.queue.kafka.DurationText;
import io.mailpipe.queue.kafka.KafkaQueueSettings;
import io.mailpipe.queue.kafka.KafkaQueueTopics;
import io.mailpipe.queue.kafka.RetryTiers;

import java.time.Clock;
import java.time.Duration;

/**
 * The settings of the {@link KafkaQueue} bean as YAML {@code beans} properties (all text, from application.properties
 * placeholders): the cluster and topics, the record size limit, the retry schedule and queue lifetime (RFC 5321
 * §4.5.4.1), and the clock and bounce sink to use.
 */
public class KafkaQueueOptions {

    private String brokers = "127.0.0.1:9092";
    private String topicPrefix = KafkaQueueTopics.DEFAULT_PREFIX;
    private String retryTiers = RetryTiers.DEFAULT;
    private int partitions = 6;
    private short replicationFactor = 1;
    private int maxRequestSize = 10 * 1024 * 1024;
    private long ackTimeoutMs = 60000;
    private int deliveredCapacity = 200000;
    private long maxWaitMs = 60000;
    private String lifetime = "5d";
    private String retryInitial = "5m";
    private String retryMax = "1h";
    private Clock clock = Clock.systemUTC();
    private BounceSink bounceSink = BounceSink.NONE;
    private boolean suppressionEnabled = true;
    private String hardBounceCategories = HardBounceSuppression.DEFAULT_CATEGORIES;
    private String bounceRules = "";

    public KafkaQueueSettings settings() {
        return new KafkaQueueSettings(brokers, new KafkaQueueTopics(topicPrefix, RetryTiers.parse(retryTiers)),
                partitions, replicationFactor, maxRequestSize, Duration.ofMillis(ackTimeoutMs));
    }

    public RetrySchedule schedule() {
        return new RetrySchedule(DurationText.parse(retryInitial), RetrySchedule.DEFAULT.factor(),
                DurationText.parse(retryMax), RetrySchedule.DEFAULT.jitter());
    }

    public QueueLifetime queueLifetime() {
        return new QueueLifetime(DurationText.parse(lifetime));
    }

    /** How long mail.delivered keeps a marker: two days beyond the longest a message can stay queued. */
    public Duration deliveredRetention() {
        return queueLifetime().maximum().plusDays(2);
    }

    public void setBrokers(String brokers) {
        this.brokers = brokers;
    }

    public void setTopicPrefix(String topicPrefix) {
        this.topicPrefix = topicPrefix;
    }

    public void setRetryTiers(String retryTiers) {
        this.retryTiers = retryTiers;
    }

    public void setPartitions(int partitions) {
        this.partitions = partitions;
    }

    public void setReplicationFactor(short replicationFactor) {
        this.replicationFactor = replicationFactor;
    }

    public void setMaxRequestSize(int maxRequestSize) {
        this.maxRequestSize = maxRequestSize;
    }

    public void setAckTimeoutMs(long ackTimeoutMs) {
        this.ackTimeoutMs = ackTimeoutMs;
    }

    public void setDeliveredCapacity(int deliveredCapacity) {
        this.deliveredCapacity = deliveredCapacity;
    }

    public int getDeliveredCapacity() {
        return deliveredCapacity;
    }

    public void setMaxWaitMs(long maxWaitMs) {
        this.maxWaitMs = maxWaitMs;
    }

    public Duration maxWait() {
        return Duration.ofMillis(maxWaitMs);
    }

    public void setLifetime(String lifetime) {
        this.lifetime = lifetime;
    }

    public void setRetryInitial(String retryInitial) {
        this.retryInitial = retryInitial;
    }

    public void setRetryMax(String retryMax) {
        this.retryMax = retryMax;
    }

    public Clock getClock() {
        return clock;
    }

    public void setClock(Clock clock) {
        this.clock = clock;
    }

    public BounceSink getBounceSink() {
        return bounceSink;
    }

    public void setBounceSink(BounceSink bounceSink) {
        this.bounceSink = bounceSink;
    }

    public boolean isSuppressionEnabled() {
        return suppressionEnabled;
    }

    /** Whether recipients on the suppression list are set aside and hard bounces add to it. */
    public void setSuppressionEnabled(boolean suppressionEnabled) {
        this.suppressionEnabled = suppressionEnabled;
    }

    public HardBounceSuppression hardBounceSuppression() {
        return HardBounceSuppression.parse(hardBounceCategories);
    }

    /** Comma-separated bounce categories whose permanent failures add the address to the suppression list. */
    public void setHardBounceCategories(String hardBounceCategories) {
        this.hardBounceCategories = hardBounceCategories;
    }

    public String getBounceRules() {
        return bounceRules;
    }

    /** A bounce rules file replacing the shipped rules; blank: the shipped ones. */
    public void setBounceRules(String bounceRules) {
        this.bounceRules = bounceRules;
    }
}
