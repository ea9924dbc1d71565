package io.mailpipe.camel.mx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated mx.json catalog: producer only, and every option and header documented (DESIGN §7 habit 6). */
class MxMetadataTest {

    @Test
    void everyOptionAndHeaderHasADescription() throws Exception {
        JsonNode catalog;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/mailpipe/camel/mx/mx.json")) {
            catalog = new ObjectMapper().readTree(in);
        }
        assertEquals("mx:name", catalog.path("component").path("syntax").asText());
        assertTrue(catalog.path("component").path("producerOnly").asBoolean());
        List<String> undocumented = new ArrayList<>();
        for (String section : List.of("componentProperties", "properties", "headers")) {
            catalog.path(section).fields().forEachRemaining(e -> {
                if (e.getValue().path("description").asText().isBlank()) {
                    undocumented.add(section + "." + e.getKey());
                }
            });
        }
        assertEquals(List.of(), undocumented);
        assertTrue(catalog.path("properties").size() > 30);
        assertTrue(catalog.path("headers").has(MxConstants.DELIVERED_RECIPIENTS));
    }
}
