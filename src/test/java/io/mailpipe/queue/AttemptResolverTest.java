package io.mailpipe.queue;

import io.mailpipe.delivery.DeliveryReport;
import io.mailpipe.delivery.RecipientOutcome;
import io.mailpipe.delivery.RecipientResult;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;
import io.mailpipe.smtp.SmtpReply;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retry and expiry semantics with a clock the test moves: deferrals, delivery, bounces, per-recipient outcomes. */
class AttemptResolverTest {

    private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");
    private static final SmtpReply GREYLISTED = SmtpReply.of(451, "4.7.1", "greylisted, try later");
    private static final SmtpReply ACCEPTED = SmtpReply.of(250, "2.0.0", "queued as 123");
    private static final SmtpReply NO_SUCH_USER = SmtpReply.of(550, "5.1.1", "no such user");

    private final MutableClock clock = new MutableClock(START);
    private final RetrySchedule exact = new RetrySchedule(Duration.ofMinutes(5), 2, Duration.ofHours(1), 0.0);
    private final AttemptResolver resolver = new AttemptResolver(exact, QueueLifetime.DEFAULT, clock,
            new SplittableRandom(3));

    @Test
    void aRecipientDeferredThreeTimesThenDeliveredLeavesTheQueue() {
        QueueRecord record = QueueRecords.accepted("R1", START, "a@example.org", "b@example.net");
        List<Instant> retries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            AttemptResolution deferred = resolver.resolve(record, transientFor("b@example.net"));
            assertEquals(Disposition.DEFER, deferred.disposition());
            record = deferred.record();
            retries.add(record.nextAttemptAt());
            assertEquals(DeliveryEvent.Type.DEFERRED, deferred.events().get(0).type());
            assertEquals(record.nextAttemptAt(), deferred.events().get(0).nextAttemptAt());
            clock.set(record.nextAttemptAt());
        }
        assertEquals(List.of(START.plus(Duration.ofMinutes(5)), START.plus(Duration.ofMinutes(15)),
                START.plus(Duration.ofMinutes(35))), retries);

        AttemptResolution delivered = resolver.resolve(record, AttemptResult.delivered(new DeliveryReport(List.of(
                new RecipientResult("b@example.net", RecipientOutcome.DELIVERED, ACCEPTED, "mx.example.net", null)))));

        assertEquals(Disposition.REMOVE, delivered.disposition());
        assertEquals(4, delivered.record().attempts());
        assertEquals(RecipientStatus.DELIVERED, delivered.record().recipients().get(0).status());
        assertEquals(ACCEPTED, delivered.events().get(0).reply());
        assertTrue(delivered.failed().isEmpty() && delivered.expired().isEmpty());
    }

    @Test
    void aRecipientStillDeferredAtTheLifetimeIsBouncedWithTheLastRemoteReply() {
        QueueRecord record = QueueRecords.accepted("R2", START, "a@example.org", "b@example.net");
        Instant expiry = START.plus(Duration.ofDays(5));
        int attempts = 0;
        AttemptResolution resolution;
        do {
            SmtpReply reply = SmtpReply.of(450, "4.2.1", "mailbox busy, attempt " + (attempts + 1));
            resolution = resolver.resolve(record, AttemptResult.transientFailure(new DeliveryReport(List.of(
                    new RecipientResult("b@example.net", RecipientOutcome.TRANSIENT, reply, "mx.example.net",
                            "198.51.100.1"))), null));
            record = resolution.record();
            attempts++;
            if (record.nextAttemptAt() != null) {
                assertTrue(!record.nextAttemptAt().isAfter(expiry), "retry beyond the lifetime");
                clock.set(record.nextAttemptAt());
            }
        } while (resolution.disposition() == Disposition.DEFER && attempts < 500);

        assertEquals(Disposition.DEAD, resolution.disposition());
        assertEquals(expiry, clock.instant());
        RecipientState expired = resolution.expired().get(0);
        assertEquals(RecipientStatus.BOUNCED, expired.status());
        assertEquals(SmtpReply.of(450, "4.2.1", "mailbox busy, attempt " + attempts), expired.lastReply());
        assertEquals("mx.example.net", expired.mxHost());
        assertEquals(DeliveryEvent.Type.EXPIRED, resolution.events().get(0).type());
        assertNull(resolution.record().nextAttemptAt());
    }

    @Test
    void theEffectiveExpiryIsTheEarlierOfTheLifetimeAndTheNotAfter() {
        Instant lifetimeEnd = START.plus(Duration.ofDays(5));
        QueueLifetime lifetime = QueueLifetime.DEFAULT;

        assertEquals(lifetimeEnd, lifetime.expiresAt(QueueRecords.accepted("L1", START, "a@x.example", "b@y.example")));
        assertEquals(START.plus(Duration.ofHours(1)), lifetime.expiresAt(QueueRecords.acceptedUntil("L2", START,
                START.plus(Duration.ofHours(1)), "a@x.example", "b@y.example")));
        assertEquals(lifetimeEnd, lifetime.expiresAt(QueueRecords.acceptedUntil("L3", START,
                START.plus(Duration.ofDays(9)), "a@x.example", "b@y.example")));
    }

    @Test
    void aDeferredMessageIsRetriedNoLaterThanItsNotAfterAndThenExpiredWithoutAnAttempt() {
        Instant notAfter = START.plus(Duration.ofMinutes(12));
        QueueRecord record = QueueRecords.acceptedUntil("N1", START, notAfter, "a@example.org", "b@example.net");

        AttemptResolution first = resolver.resolve(record, transientFor("b@example.net"));
        assertEquals(START.plus(Duration.ofMinutes(5)), first.record().nextAttemptAt());
        clock.set(first.record().nextAttemptAt());
        AttemptResolution second = resolver.resolve(first.record(), transientFor("b@example.net"));
        assertEquals(notAfter, second.record().nextAttemptAt(), "the 15-minute retry is capped at the notAfter");
        assertEquals(notAfter, second.events().get(0).nextAttemptAt());
        clock.set(notAfter);
        assertTrue(second.record().isPastNotAfter(clock.instant()));

        AttemptResolution expired = resolver.expireUntried(second.record(), List.of());

        assertEquals(Disposition.DEAD, expired.disposition());
        assertEquals(2, expired.record().attempts(), "no attempt is counted");
        assertNull(expired.record().nextAttemptAt());
        assertEquals(List.of("b@example.net"), expired.expired().stream().map(RecipientState::address).toList());
        assertEquals(GREYLISTED, expired.expired().get(0).lastReply(), "the report keeps the last remote reply");
        assertTrue(expired.failed().isEmpty());
        DeliveryEvent event = expired.events().get(0);
        assertEquals(DeliveryEvent.Type.EXPIRED, event.type());
        assertEquals(2, event.attempt());
        assertEquals(SmtpReply.of(451, "4.4.7", "notAfter 2026-11-23T08:12:00Z passed; last reply: "
                + "451 4.7.1 greylisted, try later"), event.reply());
    }

    @Test
    void anAttemptEndingAfterTheNotAfterExpiresTheStillPendingRecipients() {
        Instant notAfter = START.plus(Duration.ofMinutes(2));
        QueueRecord record = QueueRecords.acceptedUntil("N2", START, notAfter, "a@example.org", "b@example.net");
        clock.set(notAfter.plusSeconds(1));

        AttemptResolution resolution = resolver.resolve(record, transientFor("b@example.net"));

        assertEquals(Disposition.DEAD, resolution.disposition());
        assertEquals(1, resolution.expired().size());
        assertEquals("4.4.7", resolution.events().get(0).reply().enhancedStatus());
        assertTrue(resolution.events().get(0).reply().lines().get(0).startsWith("notAfter 2026-11-23T08:02:00Z"));
    }

    @Test
    void aRecipientDeliveredByAnEarlierAttemptStaysDeliveredWhenTheRestExpires() {
        QueueRecord record = QueueRecords.acceptedUntil("N3", START, START.plusSeconds(60), "a@example.org",
                "done@x.example", "late@x.example");
        clock.set(START.plusSeconds(61));

        AttemptResolution resolution = resolver.expireUntried(record, List.of(new RecipientResult("done@x.example",
                RecipientOutcome.DELIVERED, ACCEPTED, null, null)));

        assertEquals(List.of(RecipientStatus.DELIVERED, RecipientStatus.BOUNCED),
                resolution.record().recipients().stream().map(RecipientState::status).toList());
        assertEquals(List.of(DeliveryEvent.Type.DELIVERED, DeliveryEvent.Type.EXPIRED),
                resolution.events().stream().map(DeliveryEvent::type).toList());
        assertEquals("notAfter 2026-11-23T08:01:00Z passed", resolution.events().get(1).reply().lines().get(0),
                "a recipient never tried has no last reply to quote");
        assertEquals(Disposition.DEAD, resolution.disposition());
    }

    @Test
    void mixedRecipientsEachGetTheirOwnOutcomeAndOnlyPendingOnesAreRetried() {
        QueueRecord record = QueueRecords.accepted("R3", START, "a@example.org",
                "ok@one.example", "later@two.example", "gone@three.example");

        AttemptResolution first = resolver.resolve(record, AttemptResult.transientFailure(new DeliveryReport(List.of(
                new RecipientResult("ok@one.example", RecipientOutcome.DELIVERED, ACCEPTED, "mx.one", null),
                new RecipientResult("later@two.example", RecipientOutcome.TRANSIENT, GREYLISTED, "mx.two", null),
                new RecipientResult("gone@three.example", RecipientOutcome.PERMANENT, NO_SUCH_USER, "mx.three",
                        null))), "one recipient deferred"));

        assertEquals(Disposition.DEFER, first.disposition());
        assertEquals(List.of(RecipientStatus.DELIVERED, RecipientStatus.PENDING, RecipientStatus.BOUNCED),
                first.record().recipients().stream().map(RecipientState::status).toList());
        assertEquals(List.of("gone@three.example"), first.failed().stream().map(RecipientState::address).toList());
        assertEquals(NO_SUCH_USER, first.failed().get(0).lastReply());
        assertEquals(List.of("later@two.example"),
                first.record().pendingRecipients().stream().map(RecipientState::address).toList());
        assertEquals(List.of(DeliveryEvent.Type.DELIVERED, DeliveryEvent.Type.BOUNCED, DeliveryEvent.Type.DEFERRED),
                first.events().stream().map(DeliveryEvent::type).toList());

        clock.set(first.record().nextAttemptAt());
        AttemptResolution second = resolver.resolve(first.record(), AttemptResult.delivered(null));

        assertEquals(Disposition.DEAD, second.disposition(), "a message with a bounced recipient is kept as dead");
        assertEquals(1, second.events().size());
        assertEquals("later@two.example", second.events().get(0).recipient());
        assertEquals(RecipientStatus.DELIVERED, second.record().recipients().get(1).status());
    }

    @Test
    void aPermanentFailureWithoutAReportBouncesEveryPendingRecipient() {
        QueueRecord record = QueueRecords.accepted("R4", START, "a@example.org", "b@x.example", "c@y.example");

        AttemptResolution resolution = resolver.resolve(record, AttemptResult.permanentFailure(null, "no route"));

        assertEquals(Disposition.DEAD, resolution.disposition());
        assertEquals(2, resolution.failed().size());
        assertEquals(554, resolution.failed().get(0).lastReply().code());
        assertEquals("no route", resolution.record().lastError());
    }

    @Test
    void aFaultWithoutAReportDefersAndKeepsTheLastReply() {
        QueueRecord record = resolver.resolve(QueueRecords.accepted("R5", START, "a@x.example", "b@y.example"),
                transientFor("b@y.example")).record();
        clock.set(record.nextAttemptAt());

        AttemptResolution resolution = resolver.resolve(record, AttemptResult.fault("connection pool closed"));

        assertEquals(Disposition.DEFER, resolution.disposition());
        assertEquals(GREYLISTED, resolution.record().recipients().get(0).lastReply());
        assertEquals("connection pool closed", resolution.record().lastError());
        assertEquals(2, resolution.record().attempts());
    }

    @Test
    void bounceNoticesSkipTheNullSenderAndRecipientsThatDidNotAskForFailures() throws Exception {
        MailFrom from = new MailFrom("a@example.org", OptionalLong.empty(), null, false, null, null);
        QueueRecord record = QueueRecord.accepted("R6", START, from, List.of(
                new Recipient("default@x.example", Set.of(), null),
                new Recipient("never@x.example", Set.of(Recipient.Notify.NEVER), null),
                new Recipient("success@x.example", Set.of(Recipient.Notify.SUCCESS), null),
                new Recipient("failure@x.example", Set.of(Recipient.Notify.FAILURE), null)), null, null);
        List<String> reported = new ArrayList<>();
        BounceNotices notices = new BounceNotices((message, body, failed, reason) ->
                failed.forEach(f -> reported.add(f.address() + ":" + reason)));
        AttemptResolution resolution = resolver.resolve(record, AttemptResult.permanentFailure(null, "refused"));

        notices.send(resolution, null, BounceReason.PERMANENT_FAILURE);
        MailFrom nullSender = new MailFrom("", OptionalLong.empty(), null, false, null, null);
        QueueRecord bounce = QueueRecord.accepted("R7", START, nullSender,
                List.of(new Recipient("x@y.example", Set.of(), null)), null, null);
        notices.send(resolver.resolve(bounce, AttemptResult.permanentFailure(null, "refused")), null,
                BounceReason.PERMANENT_FAILURE);

        assertEquals(List.of("default@x.example:PERMANENT_FAILURE", "failure@x.example:PERMANENT_FAILURE"), reported);
    }

    private static AttemptResult transientFor(String recipient) {
        return AttemptResult.transientFailure(new DeliveryReport(List.of(
                new RecipientResult(recipient, RecipientOutcome.TRANSIENT, GREYLISTED, "mx.example.net", null))),
                null);
    }
}
