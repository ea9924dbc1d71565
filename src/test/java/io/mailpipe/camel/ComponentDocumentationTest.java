package io.mailpipe.camel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every option and header of every mailpipe component is documented where it is declared (DESIGN.md §7.6): the
 * generated component descriptors must carry a description for each.
 */
class ComponentDocumentationTest {

    private static final Path DESCRIPTORS = Path.of("src/generated/resources/META-INF/io/mailpipe/camel");

    @Test
    void everyOptionAndHeaderHasADescription() throws IOException {
        List<Path> descriptors = descriptors();
        assertFalse(descriptors.isEmpty(), "no component descriptors under " + DESCRIPTORS);
        List<String> undocumented = new ArrayList<>();
        for (Path descriptor : descriptors) {
            JsonNode root = new ObjectMapper().readTree(descriptor.toFile());
            String scheme = root.path("component").path("scheme").asText();
            if (root.path("component").path("description").asText().isBlank()) {
                undocumented.add(scheme + ": the component itself");
            }
            for (String section : List.of("properties", "headers")) {
                root.path(section).fields().forEachRemaining(option -> {
                    if (option.getValue().path("description").asText().isBlank()) {
                        undocumented.add(scheme + " " + section + ": " + option.getKey());
                    }
                });
            }
        }
        assertEquals(List.of(), undocumented);
    }

    private static List<Path> descriptors() throws IOException {
        try (Stream<Path> files = Files.walk(DESCRIPTORS)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
