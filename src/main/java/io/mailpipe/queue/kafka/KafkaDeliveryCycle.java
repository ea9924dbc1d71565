package io.mailpipe.queue.kafka;

import io.mailpipe.delivery.DeliveryException;
import io.mailpipe.delivery.DeliveryReport;
import io.mailpipe.delivery.PermanentDeliveryException;
import io.mailpipe.delivery.RecipientOutcome;
import io.mailpipe.delivery.RecipientResult;
import io.mailpipe.delivery.TransientDeliveryException;
import io.mailpipe.feedback.SuppressionEntry;
import io.mailpipe.queue.AttemptResolution;
import io.mailpipe.queue.AttemptResolver;
import io.mailpipe.queue.AttemptResult;
import io.mailpipe.queue.BounceNotices;
import io.mailpipe.queue.BounceReason;
import io.mailpipe.queue.DeliveryEvent;
import io.mailpipe.queue.QueueRecord;
import io.mailpipe.queue.RecipientState;
import io.mailpipe.smtp.MessageBytes;
import io.mailpipe.smtp.SmtpReply;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One consumed queue record, from being read to its outcome stored (RFC 5321 §4.5.4.1): wait until it is due in its
 * tier; if its own next attempt is still ahead, move it on to the tier that fits; if its sender's notAfter has passed,
 * expire it without an attempt ({@link AttemptResolver#expireUntried}); otherwise skip the recipients the
 * {@link DeliveredLedger} knows as delivered, set aside those on the suppression list ({@link KafkaSuppressions}),
 * let the delivery endpoint try the rest, apply the attempt with the shared {@link AttemptResolver}, report
 * bounces, and write the next copy, the events, the delivered markers and the suppressions hard bounces add,
 * returning only when the broker acknowledged all of them. The caller commits the consumed offset after that.
 */
public final class KafkaDeliveryCycle {

    static final SmtpReply DELIVERED_EARLIER = SmtpReply.of(250, "2.0.0", "delivered by an earlier attempt");

    /**
     * What to do with one consumed record: deliver to {@code toDeliver}, or nothing when it is empty; the
     * recipients in {@code suppressed} (by address) are not tried; {@code pastNotAfter}: expire instead of trying.
     */
    public record Plan(QueueRecord record, String key, byte[] body, List<String> deliveredEarlier,
                       Map<String, SuppressionEntry> suppressed, List<RecipientState> toDeliver, boolean moved,
                       boolean pastNotAfter) {

        public boolean needsDelivery() {
            return !moved && !pastNotAfter && !toDeliver.isEmpty();
        }
    }

    private final AttemptResolver resolver;
    private final KafkaQueueWriter writer;
    private final DeliveredLedger ledger;
    private final KafkaOutcomes outcomes;
    private final BounceNotices bounces;
    private final DueWait dueWait;
    private final KafkaSuppressions suppressions;

    public KafkaDeliveryCycle(AttemptResolver resolver, KafkaQueueWriter writer, DeliveredLedger ledger,
                              KafkaOutcomes outcomes, BounceNotices bounces, DueWait dueWait,
                              KafkaSuppressions suppressions) {
        this.suppressions = suppressions;
        this.resolver = resolver;
        this.writer = writer;
        this.ledger = ledger;
        this.outcomes = outcomes;
        this.bounces = bounces;
        this.dueWait = dueWait;
    }

    /** Reads a consumed record; waits while it is not due, or fails with {@link RecordNotDueException}. */
    public Plan plan(QueueRecord record, Instant tierDueAt, String key, byte[] body, BooleanSupplier running)
            throws Exception {
        if (tierDueAt != null && !dueWait.await(tierDueAt, running)) {
            throw new RecordNotDueException(record.queueId(), tierDueAt);
        }
        Instant now = resolver.clock().instant();
        if (!record.isDue(now) && !resolver.lifetime().isExpired(record, now)) {
            writer.send(List.of(outcomes.toTier(record.nextRevision(), key, body, now)));
            return new Plan(record, key, body, List.of(), Map.of(), List.of(), true, false);
        }
        List<String> earlier = new ArrayList<>();
        List<RecipientState> toDeliver = new ArrayList<>();
        for (RecipientState state : record.pendingRecipients()) {
            if (ledger.isDelivered(record.queueId(), state.address())) {
                earlier.add(state.address());
            } else {
                toDeliver.add(state);
            }
        }
        Map<String, SuppressionEntry> suppressed = suppressions.matching(record, toDeliver);
        toDeliver.removeIf(state -> suppressed.containsKey(state.address()));
        return new Plan(record, key, body, earlier, suppressed, toDeliver, false, record.isPastNotAfter(now));
    }

    /** Stores the outcome of the attempt ({@code failure} null: the delivery endpoint succeeded). */
    public AttemptResolution finish(Plan plan, Throwable failure) throws Exception {
        AttemptResolver.Suppression suppression = resolver.suppress(plan.record(), plan.suppressed());
        AttemptResolution resolution = withEvents(suppression.events(), plan.pastNotAfter()
                ? resolver.expireUntried(suppression.record(), earlierResults(plan.deliveredEarlier()))
                : resolver.resolve(suppression.record(), withEarlier(resultOf(failure), plan.deliveredEarlier())));
        bounces.send(resolution, MessageBytes.of(plan.body()), BounceReason.PERMANENT_FAILURE);
        Instant now = resolver.clock().instant();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(
                outcomes.after(plan.record(), resolution, plan.key(), plan.body(), now));
        List<SuppressionEntry> added = suppressions.addedBy(resolution.events());
        added.forEach(entry -> records.add(suppressions.record(entry)));
        writer.send(records);
        KafkaOutcomes.newlyDelivered(plan.record(), resolution.record())
                .forEach(address -> ledger.remember(plan.record().queueId(), address));
        added.forEach(suppressions::remember);
        return resolution;
    }

    /** How the queue reads what the delivery endpoint did: success, or the exception it raised. */
    public static AttemptResult resultOf(Throwable failure) {
        if (failure == null) {
            return AttemptResult.delivered(null);
        }
        String text = String.valueOf(failure.getMessage());
        if (failure instanceof PermanentDeliveryException permanent) {
            return AttemptResult.permanentFailure(permanent.report(), text);
        }
        if (failure instanceof TransientDeliveryException transientFailure) {
            return AttemptResult.transientFailure(transientFailure.report(), text);
        }
        if (failure instanceof DeliveryException other) {
            return AttemptResult.transientFailure(other.report(), text);
        }
        return AttemptResult.fault(failure.getClass().getSimpleName() + ": " + text);
    }

    /** The resolution with the suppressed recipients' events first. */
    private static AttemptResolution withEvents(List<DeliveryEvent> first, AttemptResolution resolution) {
        if (first.isEmpty()) {
            return resolution;
        }
        List<DeliveryEvent> events = new ArrayList<>(first);
        events.addAll(resolution.events());
        return new AttemptResolution(resolution.record(), resolution.disposition(), resolution.failed(),
                resolution.expired(), events);
    }

    /** The result with the recipients delivered earlier reported as delivered, so no outcome can undo them. */
    private static AttemptResult withEarlier(AttemptResult result, List<String> earlier) {
        if (earlier.isEmpty()) {
            return result;
        }
        List<RecipientResult> results = new ArrayList<>(earlierResults(earlier));
        if (result.report() != null) {
            result.report().results().stream().filter(r -> !earlier.contains(r.recipient())).forEach(results::add);
        }
        return new AttemptResult(result.kind(), new DeliveryReport(results), result.error());
    }

    /** The recipients delivered by an earlier attempt, as delivered results. */
    private static List<RecipientResult> earlierResults(List<String> earlier) {
        return earlier.stream().map(address -> new RecipientResult(address, RecipientOutcome.DELIVERED,
                DELIVERED_EARLIER, null, null)).toList();
    }
}
