package io.mailpipe.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documented request format cannot drift from the parser: the JSON Schema names exactly the members the parser
 * knows, and every example in the schema and in the README's bulk section is a valid request.
 */
class SendRequestDocumentationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SendRequestParser PARSER = new SendRequestParser(BulkSettings.DEFAULTS,
            Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void theSchemaDescribesExactlyTheMembersTheParserKnows() throws IOException {
        Set<String> documented = new TreeSet<>();
        schema().path("properties").fieldNames().forEachRemaining(documented::add);

        assertEquals(new TreeSet<>(SendRequestParser.knownMembers()), documented);
        assertEquals(SendRequest.SCHEMA, schema().path("properties").path("schema").path("const").asText());
    }

    @Test
    void everySchemaExampleIsAValidRequest() throws IOException {
        JsonNode examples = schema().path("examples");
        assertTrue(examples.size() >= 3, "examples: " + examples.size());
        for (JsonNode example : examples) {
            assertValid(JSON.writeValueAsString(example));
        }
    }

    @Test
    void everyReadmeExampleIsAValidRequest() throws IOException {
        String section = readmeSection();
        List<String> examples = new ArrayList<>();
        Matcher blocks = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (blocks.find()) {
            examples.add(blocks.group(1));
        }
        Matcher producer = Pattern.compile("echo '[^|']*\\|(\\{.*})' \\| kcat").matcher(section);
        assertTrue(producer.find(), "no kcat example in the README section");
        examples.add(producer.group(1));

        assertTrue(examples.size() >= 3, "examples: " + examples.size());
        for (String example : examples) {
            assertValid(example);
        }
    }

    private static void assertValid(String json) {
        ParsedRequest parsed = PARSER.parse(json.getBytes(StandardCharsets.UTF_8));
        assertTrue(parsed.isValid(), () -> parsed.rejection() + " in " + json);
    }

    private static JsonNode schema() throws IOException {
        try (InputStream in = SendRequestDocumentationTest.class.getResourceAsStream("/schemas/send-request-1.json")) {
            return JSON.readTree(in);
        }
    }

    private static String readmeSection() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Bulk mailing from Kafka");
        assertTrue(start >= 0, "README has no bulk section");
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
