package io.mailpipe.queue;

import io.mailpipe.delivery.RecipientOutcome;
import io.mailpipe.feedback.BounceCategory;
import io.mailpipe.feedback.BounceClass;
import io.mailpipe.feedback.BounceClassifier;
import io.mailpipe.feedback.SuppressionEntry;
import io.mailpipe.delivery.RecipientResult;
import io.mailpipe.smtp.SmtpReply;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The queue semantics shared by every back-end: applies the result of one delivery attempt to a {@link QueueRecord}
 * (RFC 5321 §4.5.4.1 retries of the undelivered recipients only; §6.1 a 2xx ends our responsibility, a 5xx means a
 * report to the sender). Recipients the attempt delivered are never tried again; permanently failed ones are
 * bounced; transient ones stay pending and the message is deferred by the {@link RetrySchedule}, never beyond the
 * {@link QueueLifetime}: a message still pending at expiry is bounced with each recipient's last reply. A message
 * whose sender's notAfter has passed is not tried again: {@link #expireUntried} expires its pending recipients, and
 * their expired events say that the notAfter passed (RFC 3463 X.4.7, delivery time expired). Every event
 * but delivered carries the {@link BounceClassifier}'s reading of its reply. Recipients on the suppression list are
 * set aside before an attempt ({@link #suppress}): never tried, never bounced.
 */
public final class AttemptResolver {

    private final RetrySchedule schedule;
    private final QueueLifetime lifetime;
    private final Clock clock;
    private final RandomGenerator random;
    private final BounceClassifier classifier;

    /** The suppressed recipients of a message set aside: the updated record and one event per recipient. */
    public record Suppression(QueueRecord record, List<DeliveryEvent> events) {
    }

    /** A resolver that classifies with the shipped bounce rules. */
    public AttemptResolver(RetrySchedule schedule, QueueLifetime lifetime, Clock clock, RandomGenerator random) {
        this(schedule, lifetime, clock, random, BounceClassifier.shipped());
    }

    public AttemptResolver(RetrySchedule schedule, QueueLifetime lifetime, Clock clock, RandomGenerator random,
                           BounceClassifier classifier) {
        this.schedule = Objects.requireNonNull(schedule);
        this.lifetime = Objects.requireNonNull(lifetime);
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
        this.classifier = Objects.requireNonNull(classifier);
    }

    public BounceClassifier classifier() {
        return classifier;
    }

    /** Sets the pending recipients found in {@code entries} (by address) aside as suppressed, without an attempt. */
    public Suppression suppress(QueueRecord record, Map<String, SuppressionEntry> entries) {
        if (entries.isEmpty()) {
            return new Suppression(record, List.of());
        }
        Instant now = clock.instant();
        List<DeliveryEvent> events = new ArrayList<>();
        QueueRecord updated = record.withRecipients(state -> {
            SuppressionEntry entry = entries.get(state.address());
            if (!state.isPending() || entry == null) {
                return state;
            }
            SmtpReply reply = SmtpReply.of(550, "5.7.1", "recipient suppressed: " + entry.reason());
            RecipientState next = state.after(RecipientStatus.SUPPRESSED, reply, null);
            BounceClass classification = new BounceClass(entry.category() == null ? BounceCategory.OTHER
                    : entry.category(), BounceClass.statusClassOf(reply));
            events.add(new DeliveryEvent(now, DeliveryEvent.Type.SUPPRESSED, record.queueId(), state.address(),
                    record.attempts(), reply, null, null, record.receivedAt(), record.tags(), classification));
            return next;
        });
        return new Suppression(updated, events);
    }

    public Clock clock() {
        return clock;
    }

    public QueueLifetime lifetime() {
        return lifetime;
    }

    /** Applies {@code result} to the pending recipients of {@code record}, counting one more attempt. */
    public AttemptResolution resolve(QueueRecord record, AttemptResult result) {
        Instant now = clock.instant();
        int attempt = record.attempts() + 1;
        Map<String, RecipientResult> reported = reportedByAddress(result);
        List<RecipientState> failed = new ArrayList<>();
        List<DeliveryEvent> events = new ArrayList<>();
        QueueRecord tried = record.withRecipients(state -> {
            if (!state.isPending()) {
                return state;
            }
            RecipientState next = apply(state, reported.get(state.address()), result);
            if (next.status() == RecipientStatus.DELIVERED) {
                events.add(event(now, DeliveryEvent.Type.DELIVERED, record, next, attempt, null));
            } else if (next.status() == RecipientStatus.BOUNCED) {
                failed.add(next);
                events.add(event(now, DeliveryEvent.Type.BOUNCED, record, next, attempt, null));
            }
            return next;
        });
        return finish(tried, failed, events, now, attempt, errorText(tried, result));
    }

    /** Gives up on every pending recipient at an operator's request, without an attempt. */
    public AttemptResolution bounceAll(QueueRecord record) {
        Instant now = clock.instant();
        List<RecipientState> bounced = new ArrayList<>();
        List<DeliveryEvent> events = new ArrayList<>();
        QueueRecord updated = record.withRecipients(state -> {
            if (!state.isPending()) {
                return state;
            }
            RecipientState next = state.after(RecipientStatus.BOUNCED, state.lastReply(), state.mxHost());
            bounced.add(next);
            events.add(event(now, DeliveryEvent.Type.BOUNCED, record, next, record.attempts(), null));
            return next;
        }).dueAt(null);
        return new AttemptResolution(updated, Disposition.DEAD, bounced, List.of(), events);
    }

    /**
     * Ends a message whose notAfter has passed without another attempt: the recipients in {@code deliveredEarlier}
     * (results of an earlier attempt whose outcome was not stored) count as delivered, every other pending recipient
     * expires with an event saying the notAfter passed, and the message goes to the dead state. The attempt count is
     * unchanged: no attempt was made.
     */
    public AttemptResolution expireUntried(QueueRecord record, List<RecipientResult> deliveredEarlier) {
        Instant now = clock.instant();
        Map<String, RecipientResult> earlier = new HashMap<>();
        deliveredEarlier.forEach(result -> earlier.put(result.recipient(), result));
        List<DeliveryEvent> events = new ArrayList<>();
        QueueRecord delivered = record.withRecipients(state -> {
            RecipientResult result = earlier.get(state.address());
            if (!state.isPending() || result == null) {
                return state;
            }
            RecipientState next = state.after(RecipientStatus.DELIVERED, result.reply(), result.mxHost());
            events.add(event(now, DeliveryEvent.Type.DELIVERED, record, next, record.attempts(), null));
            return next;
        });
        List<RecipientState> expired = new ArrayList<>();
        QueueRecord ended = expirePending(delivered, now, record.attempts(), expired, events).dueAt(null);
        Disposition disposition = expired.isEmpty() && !hasBounces(ended) ? Disposition.REMOVE : Disposition.DEAD;
        return new AttemptResolution(ended, disposition, List.of(), expired, events);
    }

    /** Bounces every pending recipient of {@code record} as expired, adding them and their events to the lists. */
    private QueueRecord expirePending(QueueRecord record, Instant now, int attempt, List<RecipientState> expired,
                                      List<DeliveryEvent> events) {
        return record.withRecipients(state -> {
            if (!state.isPending()) {
                return state;
            }
            RecipientState next = state.after(RecipientStatus.BOUNCED, state.lastReply(), state.mxHost());
            expired.add(next);
            DeliveryEvent event = event(now, DeliveryEvent.Type.EXPIRED, record, next, attempt, null);
            events.add(record.isPastNotAfter(now) ? notAfterPassed(event, record.notAfter(), next) : event);
            return next;
        });
    }

    /** The expired event of a recipient whose message reached its notAfter, its reply saying so. */
    private DeliveryEvent notAfterPassed(DeliveryEvent event, Instant notAfter, RecipientState state) {
        String last = state.lastReply() == null ? "" : "; last reply: " + state.lastReply();
        SmtpReply reply = SmtpReply.of(451, "4.4.7", "notAfter " + notAfter + " passed" + last);
        return new DeliveryEvent(event.at(), event.type(), event.queueId(), event.recipient(), event.attempt(), reply,
                event.mxHost(), null, event.receivedAt(), event.tags(), classifier.classify(reply));
    }

    /** The same message, unchanged but for one more attempt, due again after the schedule's next delay. */
    public QueueRecord retryLater(QueueRecord record, String error) {
        return record.afterAttempt(schedule.nextAttempt(clock.instant(), record.attempts() + 1, random), error);
    }

    private AttemptResolution finish(QueueRecord tried, List<RecipientState> failed, List<DeliveryEvent> events,
                                     Instant now, int attempt, String error) {
        if (!tried.hasPendingRecipients()) {
            Disposition disposition = hasBounces(tried) ? Disposition.DEAD : Disposition.REMOVE;
            return new AttemptResolution(tried.afterAttempt(null, error), disposition, failed, List.of(), events);
        }
        if (lifetime.isExpired(tried, now)) {
            List<RecipientState> expired = new ArrayList<>();
            QueueRecord bounced = expirePending(tried, now, attempt, expired, events);
            return new AttemptResolution(bounced.afterAttempt(null, error), Disposition.DEAD, failed, expired, events);
        }
        Instant next = lifetime.capNextAttempt(tried, schedule.nextAttempt(now, attempt, random));
        tried.pendingRecipients().forEach(state ->
                events.add(event(now, DeliveryEvent.Type.DEFERRED, tried, state, attempt, next)));
        return new AttemptResolution(tried.afterAttempt(next, error), Disposition.DEFER, failed, List.of(), events);
    }

    private static RecipientState apply(RecipientState state, RecipientResult reported, AttemptResult result) {
        if (reported != null) {
            return state.after(statusFor(reported.outcome()), reported.reply(), reported.mxHost());
        }
        return switch (result.kind()) {
            case DELIVERED -> state.after(RecipientStatus.DELIVERED, state.lastReply(), state.mxHost());
            case PERMANENT -> state.after(RecipientStatus.BOUNCED,
                    SmtpReply.of(554, "5.0.0", describe(result.error())), state.mxHost());
            case TRANSIENT -> state;
        };
    }

    private static RecipientStatus statusFor(RecipientOutcome outcome) {
        return switch (outcome) {
            case DELIVERED -> RecipientStatus.DELIVERED;
            case PERMANENT -> RecipientStatus.BOUNCED;
            case TRANSIENT -> RecipientStatus.PENDING;
        };
    }

    private static Map<String, RecipientResult> reportedByAddress(AttemptResult result) {
        Map<String, RecipientResult> byAddress = new HashMap<>();
        if (result.report() != null) {
            result.report().results().forEach(r -> byAddress.put(r.recipient(), r));
        }
        return byAddress;
    }

    private static boolean hasBounces(QueueRecord record) {
        return record.recipients().stream().anyMatch(r -> r.status() == RecipientStatus.BOUNCED);
    }

    /** The error text to keep: the attempt's own, else the first still-pending recipient's last reply. */
    private static String errorText(QueueRecord tried, AttemptResult result) {
        if (result.error() != null) {
            return result.error();
        }
        return tried.pendingRecipients().stream().map(RecipientState::lastReply).filter(Objects::nonNull)
                .map(SmtpReply::toString).findFirst().orElse(null);
    }

    private static String describe(String error) {
        return error == null || error.isBlank() ? "delivery failed permanently" : error.replaceAll("[\\r\\n]+", " ");
    }

    private DeliveryEvent event(Instant now, DeliveryEvent.Type type, QueueRecord record, RecipientState state,
                                       int attempt, Instant next) {
        BounceClass classification = type == DeliveryEvent.Type.DELIVERED ? null
                : classifier.classify(state.lastReply());
        return new DeliveryEvent(now, type, record.queueId(), state.address(), attempt, state.lastReply(),
                state.mxHost(), next, record.receivedAt(), record.tags(), classification);
    }
}
