package io.mailpipe.smtp;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.mailpipe.smtp.BareLineEndingPolicy.NORMALIZE;
import static io.mailpipe.smtp.BareLineEndingPolicy.REJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SMTP smuggling (CVE-2023-51764/51765/51766): every published end-of-data variant, followed by a smuggled second
 * transaction, must stay inside one message that ends only at the real {@code <CRLF>.<CRLF>}.
 */
class SmtpSmugglingDefenceTest {

    private static final String PIPELINED_AFTER_MESSAGE = "QUIT\r\n";
    private static final String HEADERS = "From: alice@example.org\r\nTo: bob@example.net\r\nSubject: probe\r\n\r\n";

    /** What each variant must become in the stored message under NORMALIZE; null where the message is refused. */
    private static final Map<String, String> NORMALISED = Map.ofEntries(
            Map.entry("lflf", "\r\n.\r\n"),
            Map.entry("lfcrlf", "\r\n.\r\n"),
            Map.entry("crlflf", "\r\n.\r\n"),
            Map.entry("crcr", "\r\n.\r\n"),
            Map.entry("crlf_bare", "\r\n.\r\n"),
            Map.entry("lfcr", "\r\n.\r\n"),
            Map.entry("crcrlf", "\r\n.\r\n"),
            Map.entry("crlfcr", "\r\n.\r\n"),
            Map.entry("crlf_dot_crcrlf", "\r\n.\r\n\r\n"),
            Map.entry("crcrlf_dot_crcrlf", "\r\n\r\n.\r\n\r\n"));

    private static List<Map<String, Object>> variants;
    private static String standard;
    private static String smuggledTail;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void loadVectors() throws IOException {
        try (InputStream in = SmtpSmugglingDefenceTest.class.getResourceAsStream(
                "/smtp/smuggling/smuggling-vectors.json")) {
            Map<String, Object> document = (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromInputStream(in);
            variants = (List<Map<String, Object>>) document.get("variants");
            standard = (String) ((Map<String, Object>) document.get("standard")).get("bytes");
            smuggledTail = ((String) document.get("smuggled_tail_template"))
                    .replace("{sender_domain}", "victim.example").replace("{rcpt}", "bob@example.net");
        }
    }

    private static String probe(String variantBytes) {
        return HEADERS + "first message" + variantBytes + smuggledTail + PIPELINED_AFTER_MESSAGE;
    }

    /** The message as stored when the variant is kept inside: the tail up to its own final "." line. */
    private static String storedMessage(String normalisedVariant) {
        return HEADERS + "first message" + normalisedVariant + smuggledTail.substring(0, smuggledTail.length() - 3);
    }

    @Test
    void vectorFileHoldsEveryPublishedVariant() {
        assertEquals(12, variants.size());
        assertEquals("\r\n.\r\n", standard);
        assertTrue(smuggledTail.startsWith("MAIL FROM:<smuggled@victim.example>\r\n"));
        assertTrue(smuggledTail.endsWith("\r\n.\r\n"));
    }

    @Test
    void controlCaseStandardTerminatorEndsTheFirstMessage() {
        DataFeeding.Result result = DataFeeding.whole(probe(standard), REJECT);
        assertTrue(result.ended());
        assertEquals(HEADERS + "first message\r\n", result.stored());
        assertEquals(smuggledTail + PIPELINED_AFTER_MESSAGE, result.leftOver());
    }

    @TestFactory
    Stream<DynamicTest> smuggledTransactionIsRefusedWithTheMessageUnderReject() {
        return variants.stream().map(variant -> DynamicTest.dynamicTest((String) variant.get("name"), () -> {
            String bytes = (String) variant.get("bytes");
            DataFeeding.Result result = DataFeeding.consistent(DataFeeding.bytes(probe(bytes)), REJECT,
                    Long.MAX_VALUE, 65536);
            assertTrue(result.ended());
            assertEquals(PIPELINED_AFTER_MESSAGE, result.leftOver(), "ended before the real end of data");
            DataOutcome expected = bytes.indexOf('\0') >= 0 ? DataOutcome.NUL_CHARACTER
                    : DataOutcome.BARE_LINE_ENDING;
            assertEquals(expected, result.outcome());
        }));
    }

    @TestFactory
    Stream<DynamicTest> smuggledTransactionStaysInsideTheMessageUnderNormalize() {
        return variants.stream().map(variant -> DynamicTest.dynamicTest((String) variant.get("name"), () -> {
            String name = (String) variant.get("name");
            String bytes = (String) variant.get("bytes");
            DataFeeding.Result result = DataFeeding.consistent(DataFeeding.bytes(probe(bytes)), NORMALIZE,
                    Long.MAX_VALUE, 65536);
            assertTrue(result.ended());
            assertEquals(PIPELINED_AFTER_MESSAGE, result.leftOver(), "ended before the real end of data");
            if (bytes.indexOf('\0') >= 0) {
                assertEquals(DataOutcome.NUL_CHARACTER, result.outcome());
            } else {
                assertTrue(NORMALISED.containsKey(name), "no expectation for variant " + name);
                assertEquals(DataOutcome.OK, result.outcome());
                assertEquals(storedMessage(NORMALISED.get(name)), result.stored());
            }
        }));
    }
}
