package io.mailpipe.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Camel failure quoting {{key}} placeholders is followed by each key's value in force and its origin. */
class SettingReferencesTest {

    @Test
    void quotedPlaceholdersAreNamedWithTheirValueAndOrigin() {
        ConfigurationSources sources = new Sources().environment(Map.of("MAILPIPE_DELIVERY_URI", "nosuch:foo")).read();
        String message = "Failed to create route: outbound at: >>> to[{{mailpipe.delivery.uri}}] <<< because:"
                + " No endpoint could be found for: nosuch://foo; also {{smtpd.port:25}} and {{no.such.key}}";

        assertEquals(List.of(
                "mailpipe.delivery.uri = \"nosuch:foo\" (environment variable MAILPIPE_DELIVERY_URI)",
                "smtpd.port = \"2525\" (application.properties (in the jar))"), SettingReferences.in(message, sources));
    }
}
