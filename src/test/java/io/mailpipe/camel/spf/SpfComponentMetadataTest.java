package io.mailpipe.camel.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The generated catalog entry of spf: documents every option and header, and names the producer-only scheme. */
class SpfComponentMetadataTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyOptionAndHeaderHasADescription() throws Exception {
        Map<String, Object> catalog;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/mailpipe/camel/spf/spf.json")) {
            assertTrue(in != null, "spf.json was not generated");
            catalog = (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Map<String, Object> component = (Map<String, Object>) catalog.get("component");
        assertEquals("spf:operation", component.get("syntax"));
        assertEquals(true, component.get("producerOnly"));
        List<String> undocumented = new ArrayList<>();
        for (String section : List.of("componentProperties", "headers", "properties")) {
            ((Map<String, Map<String, Object>>) catalog.get(section)).forEach((name, option) -> {
                if (String.valueOf(option.get("description")).isBlank()) {
                    undocumented.add(section + "." + name);
                }
            });
        }
        assertEquals(List.of(), undocumented);
        assertTrue(((Map<String, Object>) catalog.get("headers")).containsKey(SpfConstants.SPF_RESULT));
    }
}
