package io.mailpipe.camel.spool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Every option and header of the spool: component is documented once, in the generated component descriptor. */
class SpoolMetadataTest {

    @Test
    void everyOptionAndHeaderHasADescription() throws Exception {
        JsonNode descriptor;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/mailpipe/camel/spool/spool.json")) {
            assertNotNull(in, "the generated descriptor is on the class path");
            descriptor = new ObjectMapper().readTree(in);
        }
        List<String> undocumented = new ArrayList<>();
        for (String section : List.of("properties", "headers")) {
            for (Map.Entry<String, JsonNode> entry : descriptor.get(section).properties()) {
                if (entry.getValue().path("description").asText().isBlank()) {
                    undocumented.add(section + "." + entry.getKey());
                }
            }
        }
        assertEquals(List.of(), undocumented);
        assertEquals("spool:name", descriptor.get("component").get("syntax").asText());
    }
}
