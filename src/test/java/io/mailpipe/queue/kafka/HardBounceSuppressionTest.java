package io.mailpipe.queue.kafka;

import io.mailpipe.feedback.BounceCategory;
import io.mailpipe.feedback.BounceClass;
import io.mailpipe.feedback.SuppressionEntry;
import io.mailpipe.queue.DeliveryEvent;
import io.mailpipe.queue.MessageTags;
import io.mailpipe.smtp.SmtpReply;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which bounces add suppression entries. */
class HardBounceSuppressionTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void onlyPermanentBouncesOfTheConfiguredCategoriesAddGlobalEntries() {
        HardBounceSuppression policy = HardBounceSuppression.parse(HardBounceSuppression.DEFAULT_CATEGORIES);
        List<SuppressionEntry> added = policy.entriesFor(List.of(
                event(DeliveryEvent.Type.BOUNCED, "gone@x.example", "5.1.1", BounceCategory.BAD_MAILBOX),
                event(DeliveryEvent.Type.BOUNCED, "nodomain@y.example", "5.1.2", BounceCategory.BAD_DOMAIN),
                event(DeliveryEvent.Type.BOUNCED, "spam@x.example", "5.7.1", BounceCategory.POLICY),
                event(DeliveryEvent.Type.EXPIRED, "late@x.example", "4.1.1", BounceCategory.BAD_MAILBOX),
                event(DeliveryEvent.Type.DEFERRED, "soon@x.example", "4.1.1", BounceCategory.BAD_MAILBOX)));
        assertEquals(List.of("*/gone@x.example", "*/nodomain@y.example"),
                added.stream().map(SuppressionEntry::key).toList());
        assertEquals(SuppressionEntry.HARD_BOUNCE, added.get(0).reason());
        assertTrue(added.get(0).source().contains("Q1"));
        assertTrue(HardBounceSuppression.parse("").entriesFor(List.of(event(DeliveryEvent.Type.BOUNCED,
                "gone@x.example", "5.1.1", BounceCategory.BAD_MAILBOX))).isEmpty());
        assertFalse(HardBounceSuppression.parse("policy").categories().contains(BounceCategory.BAD_MAILBOX));
        assertThrows(IllegalArgumentException.class, () -> HardBounceSuppression.parse("bad_mailbox,nope"));
    }

    private static DeliveryEvent event(DeliveryEvent.Type type, String recipient, String status,
                                       BounceCategory category) {
        SmtpReply reply = SmtpReply.of(status.startsWith("5") ? 550 : 450, status, "reply");
        return new DeliveryEvent(AT, type, "Q1", recipient, 1, reply, "mx.example", null, AT, MessageTags.NONE,
                new BounceClass(category, BounceClass.statusClassOf(reply)));
    }
}
