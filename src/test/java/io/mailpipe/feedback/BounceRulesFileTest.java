package io.mailpipe.feedback;

import io.mailpipe.smtp.SmtpReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading and validating a bounce rules file; status patterns of RFC 3463 codes. */
class BounceRulesFileTest {

    private static List<BounceRule> read(String json) throws IOException {
        return BounceRulesFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "rules.json");
    }

    private static String failure(String json) {
        return assertThrows(IllegalArgumentException.class, () -> read(json)).getMessage();
    }

    @Test
    void firstMatchingRuleWinsAndBothConditionsMustHold() throws IOException {
        BounceClassifier classifier = new BounceClassifier(read("""
                {"rules": [
                  {"name": "greylist", "status": "4.7.*", "text": "greylist", "category": "rate_limited"},
                  {"name": "any-security", "status": "x.7.*", "category": "policy"}
                ]}"""));
        assertEquals(BounceCategory.RATE_LIMITED,
                classifier.classify(SmtpReply.of(450, "4.7.1", "Greylisted, come back later")).category());
        assertEquals(BounceCategory.POLICY,
                classifier.classify(SmtpReply.of(550, "5.7.1", "Greylisted")).category());
        assertEquals(BounceCategory.OTHER, classifier.classify(SmtpReply.of(550, "5.1.1", "unknown")).category());
    }

    @Test
    void errorsNameTheFileAndTheRule() {
        assertTrue(failure("{\"rules\": [{\"name\": \"r1\", \"text\": \"(unclosed\", \"category\": \"policy\"}]}")
                .matches("bounce rules rules\\.json: rule 1 'r1': bad text expression.*"));
        assertTrue(failure("{\"rules\": [{\"name\": \"ok\", \"status\": \"5.1.1\", \"category\": \"bad_mailbox\"},"
                + "{\"name\": \"r2\", \"status\": \"5.1.1\", \"category\": \"spam\"}]}")
                .startsWith("bounce rules rules.json: rule 2 'r2': unknown category 'spam'"));
        assertTrue(failure("{\"rules\": [{\"name\": \"r\", \"status\": \"5.1\", \"category\": \"policy\"}]}")
                .contains("rule 1 'r': status pattern '5.1'"));
        assertTrue(failure("{\"rules\": [{\"name\": \"r\", \"category\": \"policy\"}]}")
                .contains("needs a status pattern or a text expression"));
        assertTrue(failure("{\"rules\": [{\"name\": \"r\", \"text\": \"x\", \"categroy\": \"policy\"}]}")
                .contains("unknown field \"categroy\""));
        assertTrue(failure("{\"rules\": [{\"text\": \"x\", \"category\": \"policy\"}]}")
                .contains("rule 1: needs an object with a \"name\""));
        assertTrue(failure("{\"rules\": []}").contains("non-empty \"rules\" array"));
        assertTrue(failure("{ nope").startsWith("bounce rules rules.json: not valid JSON"));
    }

    @Test
    void statusPatternsCoverClassSubjectAndDetail() {
        assertTrue(StatusPattern.parse("x.2.2").matches("4.2.2"));
        assertTrue(StatusPattern.parse("x.2.2").matches("5.2.2"));
        assertFalse(StatusPattern.parse("x.2.2").matches("2.2.2"));
        assertTrue(StatusPattern.parse("5.7.*").matches("5.7.509"));
        assertFalse(StatusPattern.parse("5.7.*").matches("4.7.1"));
        assertTrue(StatusPattern.parse("*.1.10").matches("5.1.10"));
        assertFalse(StatusPattern.parse("5.1.1").matches("5.1.10"));
        assertFalse(StatusPattern.parse("5.1.1").matches(null));
        assertThrows(IllegalArgumentException.class, () -> StatusPattern.parse("6.1.1"));
    }

    @Test
    void aFileOverridesTheShippedRules(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.json");
        Files.writeString(file, "{\"rules\": [{\"name\": \"all\", \"status\": \"*.*.*\", \"category\": \"network\"}]}");
        assertEquals(BounceCategory.NETWORK, BounceClassifier.fromFile(file.toString())
                .classify(SmtpReply.of(550, "5.1.1", "unknown")).category());
        assertSame(BounceClassifier.shipped(), BounceClassifier.fromFile(" "));
    }
}
