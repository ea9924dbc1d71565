package io.mailpipe.camel.observe;

import io.mailpipe.queue.DeliveryEvent;
import io.mailpipe.queue.DeliveryEventSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * Counts recipient outcomes the queue records (RFC 3464 §2.3.3 actions; expiry after the maximum queue lifetime)
 * by outcome and destination domain, and times final outcomes (delivered, bounced, expired) from the receipt of
 * the message, in a histogram with buckets from one second to five days. Deferrals are counted, not timed. Passes
 * every event on to the sink it decorates.
 */
public final class DeliveryMeters implements DeliveryEventSink {

    private static final Duration[] LATENCY_BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(5),
        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
        Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(5)};

    private final PipelineMeters meters;
    private final DeliveryEventSink next;

    public DeliveryMeters(PipelineMeters meters, DeliveryEventSink next) {
        this.meters = meters;
        this.next = next;
    }

    @Override
    public void record(DeliveryEvent event) {
        next.record(event);
        String outcome = event.type().name().toLowerCase(Locale.ROOT);
        Counter.builder("mailpipe.deliveries").description("Recipient outcomes, by outcome and destination domain")
                .tag("outcome", outcome).tag("domain", meters.domainTag(domainOf(event.recipient())))
                .register(meters.registry()).increment();
        if (event.type() != DeliveryEvent.Type.DEFERRED && event.receivedAt() != null) {
            Duration latency = Duration.between(event.receivedAt(), event.at());
            Timer.builder("mailpipe.delivery.latency")
                    .description("Time from receipt of a message to the final outcome of a recipient")
                    .tag("outcome", outcome).serviceLevelObjectives(LATENCY_BUCKETS)
                    .register(meters.registry()).record(latency.isNegative() ? Duration.ZERO : latency);
        }
    }

    private static String domainOf(String recipient) {
        int at = recipient.lastIndexOf('@');
        return at < 0 ? "" : recipient.substring(at + 1);
    }
}
