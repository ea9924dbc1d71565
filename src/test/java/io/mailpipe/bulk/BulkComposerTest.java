package io.mailpipe.bulk;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Composition parsed back with Angus Mail: structure, header fields, encodings, line endings, identifiers. */
class BulkComposerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Session PARSING = Session.getInstance(new Properties());

    @TempDir
    Path templates;

    private BulkComposer composer(long maxMessage) {
        return new BulkComposer(new BulkSettings(1 << 20, maxMessage, 100, templates, 10_000, Duration.ofSeconds(2),
                List.of()), Clock.fixed(NOW, ZoneOffset.UTC), "mx.test.example");
    }

    @Test
    void aTextMessageHasTheRfc5322AndMimeFieldsAndCrlfLines() throws Exception {
        ComposedMessage composed = only(request("\"subject\":\"Hello\",\"text\":\"line one\\nline two\\n\""));
        MimeMessage parsed = parse(composed);

        assertCrlfOnly(composed.message());
        assertEquals("1.0", parsed.getHeader("MIME-Version", null));
        assertTrue(parsed.isMimeType("text/plain"), parsed.getContentType());
        assertTrue(parsed.getContentType().toLowerCase().contains("charset=utf-8"), parsed.getContentType());
        assertEquals("Hello", parsed.getSubject());
        assertEquals("News <news@acme.example>", parsed.getHeader("From", null));
        assertEquals("a@x.example, b@y.example", parsed.getHeader("To", null));
        assertEquals("line one\r\nline two\r\n", parsed.getContent());
        assertEquals(composed.messageId(), parsed.getMessageID());
        assertTrue(composed.messageId().matches("<[0-9a-f]{32}@acme\\.example>"), composed.messageId());
        assertEquals(NOW, new MailDateFormat().parse(parsed.getHeader("Date", null)).toInstant());
        assertEquals("news@acme.example", composed.mailFrom());
        assertEquals(List.of("a@x.example", "b@y.example"), composed.recipients());
    }

    @Test
    void textAndHtmlBecomeMultipartAlternativeWithPlainFirst() throws Exception {
        MimeMessage parsed = parse(only(request("\"subject\":\"s\",\"text\":\"plain\",\"html\":\"<p>rich</p>\"")));

        assertTrue(parsed.isMimeType("multipart/alternative"), parsed.getContentType());
        Multipart alternative = (Multipart) parsed.getContent();
        assertEquals(2, alternative.getCount());
        assertTrue(alternative.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(alternative.getBodyPart(1).isMimeType("text/html"));
        assertEquals("<p>rich</p>", alternative.getBodyPart(1).getContent());
    }

    @Test
    void htmlAloneIsASingleTextHtmlBody() throws Exception {
        MimeMessage parsed = parse(only(request("\"subject\":\"s\",\"html\":\"<p>only html</p>\"")));

        assertTrue(parsed.isMimeType("text/html"), parsed.getContentType());
        assertEquals("<p>only html</p>", parsed.getContent());
    }

    @Test
    void attachmentsMakeMultipartMixedWithBase64AndTheirFileNames() throws Exception {
        byte[] pdf = new byte[3000];
        for (int i = 0; i < pdf.length; i++) {
            pdf[i] = (byte) (i * 31);
        }
        ComposedMessage composed = only(request("\"subject\":\"s\",\"text\":\"t\",\"html\":\"<b>h</b>\","
                + "\"attachments\":[{\"filename\":\"Bericht über.pdf\",\"contentType\":\"application/pdf\","
                + "\"content\":\"" + Base64.getEncoder().encodeToString(pdf) + "\"}]"));
        MimeMessage parsed = parse(composed);

        assertCrlfOnly(composed.message());
        assertTrue(parsed.isMimeType("multipart/mixed"), parsed.getContentType());
        Multipart mixed = (Multipart) parsed.getContent();
        assertTrue(mixed.getBodyPart(0).isMimeType("multipart/alternative"));
        Part attachment = mixed.getBodyPart(1);
        assertEquals(Part.ATTACHMENT, attachment.getDisposition());
        assertEquals("base64", attachment.getHeader("Content-Transfer-Encoding")[0]);
        assertEquals("Bericht über.pdf", MimeUtility.decodeText(attachment.getFileName()));
        try (InputStream in = attachment.getInputStream()) {
            assertArrayEquals(pdf, in.readAllBytes());
        }
    }

    @Test
    void nonAsciiSubjectNamesAndHeaderValuesAreEncodedWords() throws Exception {
        ComposedMessage composed = only(request("\"from\":{\"address\":\"news@acme.example\",\"name\":\"Jörg\"},"
                + "\"subject\":\"Grüße 👋\",\"text\":\"Ünïcödé\",\"headers\":{\"X-Note\":\"café\"}"));
        String head = headerSection(composed.message());
        MimeMessage parsed = parse(composed);

        assertTrue(head.contains("Subject: =?UTF-8?"), head);
        assertTrue(isAscii(head), head);
        assertEquals("Grüße 👋", parsed.getSubject());
        assertEquals("Jörg <news@acme.example>", MimeUtility.decodeText(parsed.getHeader("From", null)));
        assertEquals("café", MimeUtility.decodeText(parsed.getHeader("X-Note", null)));
        String encoding = parsed.getEncoding();
        assertTrue(encoding.equals("quoted-printable") || encoding.equals("base64"), encoding);
        assertEquals("Ünïcödé", parsed.getContent());
    }

    @Test
    void longLinesAreNotSentAs7bit() throws Exception {
        MimeMessage parsed = parse(only(request("\"subject\":\"s\",\"text\":\"" + "word ".repeat(400) + "\"")));

        assertNotEquals("7bit", parsed.getEncoding());
        assertEquals("word ".repeat(400), parsed.getContent());
    }

    @Test
    void perRecipientVariablesGiveOneMessageEachWithItsOwnIdsAndEscapedHtml() throws Exception {
        List<ComposedMessage> messages = composer(1 << 20).compose(json("\"recipients\":["
                + "{\"address\":\"a@x.example\",\"variables\":{\"name\":\"<Ann>\"}},"
                + "{\"address\":\"b@y.example\",\"variables\":{\"name\":\"Bob\"}}],"
                + "\"subject\":\"Hi {{name}}\",\"html\":\"<p>{{name}} of {{org}}</p>\","
                + "\"variables\":{\"org\":\"A&B\"}"));

        assertEquals(2, messages.size());
        MimeMessage first = parse(messages.get(0));
        MimeMessage second = parse(messages.get(1));
        assertEquals("Hi <Ann>", first.getSubject());
        assertEquals("<p>&lt;Ann&gt; of A&amp;B</p>", first.getContent());
        assertEquals("a@x.example", first.getHeader("To", null));
        assertEquals(List.of("b@y.example"), messages.get(1).recipients());
        assertEquals("Hi Bob", second.getSubject());
        assertNotEquals(messages.get(0).messageId(), messages.get(1).messageId());
        assertNotEquals(messages.get(0).queueId(), messages.get(1).queueId());
    }

    @Test
    void aTemplateFromTheDirectoryIsFilledIn() throws Exception {
        Files.writeString(templates.resolve("welcome.subject"), "Welcome, {{name}}\n");
        Files.writeString(templates.resolve("welcome.txt"), "Dear {{name}},\nthanks.\n");
        Files.writeString(templates.resolve("welcome.html"), "<h1>{{name}}</h1>");

        ComposedMessage composed = only(json("\"recipients\":[{\"address\":\"a@x.example\",\"variables\":"
                + "{\"name\":\"Ann\"}}],\"template\":\"welcome\""));
        MimeMessage parsed = parse(composed);

        assertEquals("Welcome, Ann", parsed.getSubject());
        Multipart alternative = (Multipart) parsed.getContent();
        assertEquals("Dear Ann,\r\nthanks.\r\n", alternative.getBodyPart(0).getContent());
        assertEquals("<h1>Ann</h1>", alternative.getBodyPart(1).getContent());
    }

    @Test
    void unknownTemplatesAndMissingVariablesAreTemplateRejections() throws Exception {
        Files.writeString(templates.resolve("t.subject"), "{{missing}}");
        Files.writeString(templates.resolve("t.txt"), "x");

        assertRejected(json("\"template\":\"nope\""), Rejection.Reason.TEMPLATE, "/template");
        assertRejected(json("\"template\":\"../etc/passwd\""), Rejection.Reason.TEMPLATE, "/template");
        assertRejected(json("\"template\":\"t\""), Rejection.Reason.TEMPLATE, "/template");
        assertRejected(request("\"subject\":\"s\",\"text\":\"Hi {{who}}\""), Rejection.Reason.TEMPLATE, "/text");
    }

    @Test
    void aComposedMessageOverTheSizeLimitIsASizeRejection() {
        BulkRequestRejectedException e = assertThrows(BulkRequestRejectedException.class, () -> composer(500)
                .compose(request("\"subject\":\"s\",\"text\":\"" + "x".repeat(600) + "\"")));
        assertEquals(Rejection.Reason.SIZE, e.rejection().reason());
    }

    @Test
    void theSameKeyedRequestGetsTheSameQueueIdsAndFreshMessageIds() throws Exception {
        byte[] keyed = json("\"tenant\":\"acme\",\"idempotencyKey\":\"k1\",\"subject\":\"s\",\"text\":\"t\"");
        ComposedMessage once = only(keyed);
        ComposedMessage again = only(keyed);
        ComposedMessage other = only(json("\"tenant\":\"acme\",\"idempotencyKey\":\"k2\",\"subject\":\"s\","
                + "\"text\":\"t\""));

        assertEquals(once.queueId(), again.queueId());
        assertNotEquals(once.queueId(), other.queueId());
        assertNotEquals(once.messageId(), again.messageId());
        assertEquals("acme", once.tags().tenant());
    }

    @Test
    void utf8MailboxesAreWrittenAsUtf8AndNeedSmtpUtf8() throws Exception {
        ComposedMessage composed = only(json("\"from\":\"jörg@bücher.example\",\"recipients\":[\"用户@例子.example\"],"
                + "\"subject\":\"s\",\"text\":\"t\""));

        assertTrue(composed.smtputf8());
        assertTrue(composed.eightBit());
        String head = headerSection(composed.message());
        assertTrue(head.contains("From: jörg@bücher.example"), head);
        assertTrue(composed.messageId().endsWith("@xn--bcher-kva.example>"), composed.messageId());
    }

    @Test
    void aUserToFieldReplacesTheRecipientList() throws Exception {
        MimeMessage parsed = parse(only(request("\"subject\":\"s\",\"text\":\"t\","
                + "\"headers\":{\"To\":\"undisclosed-recipients:;\"}")));

        assertEquals("undisclosed-recipients:;", parsed.getHeader("To", null));
        assertEquals(1, parsed.getHeader("To").length);
    }

    @Test
    void aComposedMessageStartsWithOneParsableReceivedFieldOfThisHostAndItsQueueId() throws Exception {
        ComposedMessage composed = only(request("\"subject\":\"s\",\"text\":\"t\""));
        MimeMessage parsed = parse(composed);

        String[] received = parsed.getHeader("Received");
        assertEquals(1, received.length);
        assertTrue(headerSection(composed.message()).startsWith("Received: by mx.test.example (mailpipe) id "
                + composed.queueId() + ";"), headerSection(composed.message()));
        Matcher stamp = stamp(received[0]);
        assertEquals(composed.queueId(), stamp.group(1));
        assertEquals(null, stamp.group(2), "no for clause with two recipients");
        assertEquals(NOW, new MailDateFormat().parse(stamp.group(3)).toInstant());
        assertEquals("t", parsed.getContent());
    }

    @Test
    void theReceivedFieldNamesTheOnlyRecipientAndKeepsItsLinesWithinTheLimit() throws Exception {
        ComposedMessage composed = only(json("\"recipients\":[\"a.rather.long.local.part@subdomain.x.example\"],"
                + "\"subject\":\"s\",\"text\":\"t\""));
        String head = headerSection(composed.message());
        Matcher next = Pattern.compile("\r\n[^ \t]").matcher(head);
        assertTrue(next.find(), head);
        String field = head.substring(0, next.start());

        assertEquals("<a.rather.long.local.part@subdomain.x.example>", stamp(parse(composed)
                .getHeader("Received", null)).group(2));
        for (String line : field.split("\r\n")) {
            assertTrue(line.length() <= 78, line);
        }
        assertTrue(field.lines().skip(1).allMatch(line -> line.startsWith("\t")), field);
    }

    @Test
    void aRawRequestKeepsTheSendersMessageUntouchedBehindTheReceivedField() throws Exception {
        byte[] raw = "From: a@x.example\r\nSubject: mine\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        ComposedMessage composed = only(("{\"schema\":\"mailpipe.send/1\",\"envelope\":{\"from\":\"a@x.example\","
                + "\"recipients\":[\"b@y.example\",\"c@z.example\"]},\"message\":\""
                + Base64.getEncoder().encodeToString(raw) + "\"}").getBytes(StandardCharsets.UTF_8));

        byte[] message = composed.message();
        String text = new String(message, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("Received: by mx.test.example (mailpipe) id " + composed.queueId() + ";"), text);
        assertEquals(raw.length, message.length - text.indexOf("From: a@x.example"));
        assertArrayEquals(raw, Arrays.copyOfRange(message, message.length - raw.length, message.length));
        assertEquals(NOW, new MailDateFormat().parse(stamp(parse(composed).getHeader("Received", null)).group(3))
                .toInstant());
        assertEquals(List.of("b@y.example", "c@z.example"), composed.recipients());
        assertEquals(null, composed.messageId());
    }

    private ComposedMessage only(byte[] json) throws BulkRequestRejectedException {
        List<ComposedMessage> messages = composer(1 << 20).compose(json);
        assertEquals(1, messages.size());
        return messages.get(0);
    }

    private void assertRejected(byte[] json, Rejection.Reason reason, String field) {
        BulkRequestRejectedException e = assertThrows(BulkRequestRejectedException.class,
                () -> composer(1 << 20).compose(json));
        assertEquals(reason, e.rejection().reason(), e.rejection().toString());
        assertEquals(field, e.rejection().field(), e.rejection().toString());
    }

    /** A request from news@acme.example to two recipients with the given members. */
    static byte[] request(String members) {
        return json("\"recipients\":[\"a@x.example\",\"b@y.example\"]," + members);
    }

    static byte[] json(String members) {
        String from = members.contains("\"from\"") ? "" : "\"from\":{\"address\":\"news@acme.example\",\"name\":"
                + "\"News\"},";
        String to = members.contains("\"recipients\"") ? "" : "\"recipients\":[\"a@x.example\"],";
        return ("{\"schema\":\"mailpipe.send/1\"," + from + to + members + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** The parts of an unfolded injected Received field: queue id, the for clause's address if any, the date. */
    private static Matcher stamp(String field) {
        String unfolded = field.replaceAll("\r\n([ \t])", "$1");
        Matcher matcher = Pattern.compile("by mx\\.test\\.example \\(mailpipe\\)\\s+id ([A-Za-z0-9._-]+)"
                + "(?:\\s+for (<[^>]+>))?;\\s+(.+)").matcher(unfolded);
        assertTrue(matcher.matches(), unfolded);
        return matcher;
    }

    private static MimeMessage parse(ComposedMessage composed) throws Exception {
        return new MimeMessage(PARSING, new ByteArrayInputStream(composed.message()));
    }

    private static String headerSection(byte[] message) {
        String text = new String(message, StandardCharsets.UTF_8);
        return text.substring(0, text.indexOf("\r\n\r\n"));
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    static void assertCrlfOnly(byte[] message) {
        for (int i = 0; i < message.length; i++) {
            if (message[i] == '\n') {
                assertTrue(i > 0 && message[i - 1] == '\r', "bare LF at " + i);
            }
            if (message[i] == '\r') {
                assertTrue(i + 1 < message.length && message[i + 1] == '\n', "bare CR at " + i);
            }
        }
    }
}
