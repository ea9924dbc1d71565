package io.mailpipe.queue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailpipe.delivery.DeliveryReport;
import io.mailpipe.delivery.RecipientOutcome;
import io.mailpipe.delivery.RecipientResult;
import io.mailpipe.feedback.BounceCategory;
import io.mailpipe.feedback.SuppressionEntry;
import io.mailpipe.smtp.SmtpReply;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bounce categories on the events of an attempt, and suppressed recipients set aside without an attempt. */
class OutcomeClassificationTest {

    private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

    private final AttemptResolver resolver = new AttemptResolver(RetrySchedule.DEFAULT, QueueLifetime.DEFAULT,
            new MutableClock(START), new SplittableRandom(1));

    @Test
    void everyOutcomeButDeliveredCarriesCategoryAndClassInItsJson() {
        QueueRecord record = QueueRecords.accepted("C1", START, "a@example.org", "ok@example.net",
                "gone@example.net", "full@example.net");
        AttemptResolution resolution = resolver.resolve(record, AttemptResult.transientFailure(new DeliveryReport(
                List.of(new RecipientResult("ok@example.net", RecipientOutcome.DELIVERED,
                                SmtpReply.of(250, "2.0.0", "ok"), "mx", null),
                        new RecipientResult("gone@example.net", RecipientOutcome.PERMANENT,
                                SmtpReply.of(550, "5.1.1", "user unknown"), "mx", null),
                        new RecipientResult("full@example.net", RecipientOutcome.TRANSIENT,
                                SmtpReply.of(452, "4.2.2", "mailbox full"), "mx", null))), null));
        Map<String, JsonNode> byRecipient = new java.util.HashMap<>();
        resolution.events().forEach(e -> byRecipient.put(e.recipient(), JsonLinesEventLog.toJson(e)));

        assertFalse(byRecipient.get("ok@example.net").has("category"));
        assertEquals("bounced", byRecipient.get("gone@example.net").get("event").asText());
        assertEquals("bad_mailbox", byRecipient.get("gone@example.net").get("category").asText());
        assertEquals("permanent", byRecipient.get("gone@example.net").get("statusClass").asText());
        assertEquals("deferred", byRecipient.get("full@example.net").get("event").asText());
        assertEquals("mailbox_full", byRecipient.get("full@example.net").get("category").asText());
        assertEquals("transient", byRecipient.get("full@example.net").get("statusClass").asText());
    }

    @Test
    void suppressedRecipientsAreNeitherTriedNorBounced() {
        QueueRecord record = QueueRecords.accepted("C2", START, "a@example.org", "Blocked@Example.net",
                "fine@example.net");
        SuppressionEntry entry = new SuppressionEntry(null, "blocked@example.net", SuppressionEntry.HARD_BOUNCE,
                BounceCategory.BAD_MAILBOX, START, "test");
        AttemptResolver.Suppression suppression = resolver.suppress(record,
                Map.of("Blocked@Example.net", entry));

        assertEquals(RecipientStatus.SUPPRESSED, suppression.record().recipients().get(0).status());
        assertEquals(List.of("fine@example.net"), suppression.record().pendingRecipients().stream()
                .map(RecipientState::address).toList());
        JsonNode event = JsonLinesEventLog.toJson(suppression.events().get(0));
        assertEquals("suppressed", event.get("event").asText());
        assertEquals("bad_mailbox", event.get("category").asText());
        assertTrue(event.get("reply").asText().contains("hard_bounce"));

        AttemptResolution rest = resolver.resolve(suppression.record(), AttemptResult.delivered(null));
        assertEquals(Disposition.REMOVE, rest.disposition());
        assertTrue(rest.failed().isEmpty());
        assertEquals(1, rest.events().size());
    }
}
