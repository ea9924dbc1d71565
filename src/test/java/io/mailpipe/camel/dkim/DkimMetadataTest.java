package io.mailpipe.camel.dkim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

/** The generated dkim component metadata documents every option and header; the engine stays free of Camel. */
class DkimMetadataTest {

    @Test
    void everyOptionAndHeaderHasADescription() throws Exception {
        JsonObject root;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/mailpipe/camel/dkim/dkim.json")) {
            root = (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        JsonObject component = root.getMap("component");
        assertEquals("dkim:operation", component.getString("syntax"));
        assertTrue(component.getBoolean("producerOnly"));
        int checked = 0;
        for (String section : new String[] {"properties", "headers"}) {
            for (Map.Entry<?, ?> entry : root.getMap(section).entrySet()) {
                String description = ((JsonObject) entry.getValue()).getString("description");
                assertFalse(description == null || description.isBlank(), section + " " + entry.getKey());
                checked++;
            }
        }
        assertTrue(checked >= 20, "options and headers found: " + checked);
    }

    @Test
    void dkimEngineDoesNotDependOnCamel() {
        ArchRuleDefinition.noClasses().that().resideInAPackage("io.mailpipe.dkim..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.camel..")
                .check(new ClassFileImporter().importPackages("io.mailpipe.dkim"));
    }
}
