package io.mailpipe.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailpipe.queue.DeliveryEvent;
import io.mailpipe.queue.MessageTags;
import io.mailpipe.smtp.SmtpReply;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The suppression record format (key and JSON value) and which bounces add entries. */
class SuppressionEntryTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void keyIsScopeSlashLowerCasedAddressAndTheValueRoundTrips() throws IOException {
        SuppressionEntry entry = new SuppressionEntry("tenant-7", " Bob@Example.ORG ", "operator",
                BounceCategory.POLICY, AT, "operator alice");
        assertEquals("tenant-7/bob@example.org", entry.key());
        JsonNode json = new ObjectMapper().readTree(entry.toJson());
        assertEquals("bob@example.org", json.path("address").asText());
        assertEquals("tenant-7", json.path("scope").asText());
        assertEquals("operator", json.path("reason").asText());
        assertEquals("policy", json.path("category").asText());
        assertEquals("2026-11-23T10:00:00Z", json.path("at").asText());
        assertEquals("operator alice", json.path("source").asText());
        assertEquals(entry, SuppressionEntry.fromJson(entry.toJson()));
    }

    @Test
    void noScopeMeansEveryTenantAndBadValuesAreRefused() {
        assertEquals("*/a@b.example", SuppressionEntry.key(null, "A@B.example"));
        assertEquals("*/a@b.example", SuppressionEntry.key(" ", "a@b.example"));
        assertThrows(IllegalArgumentException.class, () -> SuppressionEntry.key("a/b", "a@b.example"));
        assertThrows(IllegalArgumentException.class, () -> SuppressionEntry.normalise("postmaster"));
        assertThrows(IllegalArgumentException.class, () -> SuppressionEntry.normalise("@b.example"));
    }

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
