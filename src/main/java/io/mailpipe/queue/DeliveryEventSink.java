package io.mailpipe.queue;

/** Where the queue reports each recipient outcome (a local rotating log, a Kafka topic, a test recorder). */
@FunctionalInterface
public interface DeliveryEventSink {

    void record(DeliveryEvent event);

    DeliveryEventSink NONE = event -> { };
}
