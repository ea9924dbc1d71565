package io.mailpipe.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The suppression record format: key and JSON value. */
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
}
