package io.mailpipe.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is exactly what {@code mailpipe config reference} prints, and that output documents every
 * application key, every option of our components and camel-main's {@code camel.main.*} options.
 */
class ConfigurationReferenceTest {

    private final String generated = ConfigurationReference.shipped().markdown();

    @Test
    void theCommittedReferenceIsUpToDate() throws Exception {
        String committed = Files.readString(Path.of("docs/configuration.md"), StandardCharsets.UTF_8);

        assertEquals(generated, committed, "docs/configuration.md is out of date; regenerate it with: "
                + ConfigurationReference.REGENERATE);
    }

    @Test
    void everyApplicationKeyIsDocumentedWithItsDefault() {
        for (ShippedConfiguration.ShippedKey key : ShippedConfiguration.load().base()) {
            String row = "| `" + key.key() + "` | " + MarkdownTable.code(key.value()).replace("|", "\\|");
            assertTrue(generated.contains(row), "no row for " + key.key());
        }
    }

    @Test
    void everyEndpointOptionOfOurComponentsIsDocumented() {
        int options = 0;
        for (ComponentMetadata component : ComponentMetadata.ours()) {
            assertTrue(generated.contains("### `" + component.scheme() + ":` "), component.scheme());
            for (OptionMetadata option : component.endpointOptions()) {
                assertTrue(generated.contains("| `" + option.name() + "` | " + option.kind() + " |"),
                        component.scheme() + " " + option.name());
                options++;
            }
        }
        assertTrue(options > 50, "only " + options + " options found");
    }

    @Test
    void camelMainOptionsAreDocumented() {
        CamelMainMetadata.Group main = CamelMainMetadata.load().groupOf("camel.main.name").orElseThrow();
        for (OptionMetadata option : main.options()) {
            assertTrue(generated.contains("| `camel.main." + option.kebabName() + "` |"), option.name());
        }
    }
}
