package io.mailpipe.bulk;

import io.mailpipe.queue.MessageTags;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SendRequestParserTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final SendRequestParser parser = new SendRequestParser(new BulkSettings(4096, 2048, 3, null, 1000,
            Duration.ofSeconds(1), List.of()), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aFullRequestIsReadWithEveryField() {
        SendRequest request = valid("""
                {"schema":"mailpipe.send/1","tenant":"acme","campaign":"nov","idempotencyKey":"k-1",
                 "notAfter":"2026-11-24T00:00:00+01:00",
                 "from":{"address":"news@acme.example","name":"Acme News"},
                 "recipients":["a@x.example",{"address":"b@y.example","name":"Bo","variables":{"first":"Bo","n":3}}],
                 "subject":"Hi {{first}}","text":"text","html":"<p>html</p>","variables":{"first":"all"},
                 "headers":{"List-Unsubscribe":"<mailto:u@acme.example>","Reply-To":"r@acme.example"},
                 "attachments":[{"filename":"a.txt","contentType":"text/plain","content":"aGVsbG8="},
                                {"filename":"b.pdf","url":"https://files.example/b.pdf"}]}""");

        assertEquals(new MessageTags("acme", "nov", "k-1"), request.tags());
        assertEquals(Instant.parse("2026-11-23T23:00:00Z"), request.notAfter());
        assertEquals(new NamedAddress("news@acme.example", "Acme News"), request.from());
        assertEquals(List.of(new RequestRecipient(new NamedAddress("a@x.example", null), Map.of()),
                new RequestRecipient(new NamedAddress("b@y.example", "Bo"), Map.of("first", "Bo", "n", "3"))),
                request.recipients());
        assertTrue(request.isPersonalised());
        var content = assertInstanceOf(MessageContent.Composed.class, request.content());
        assertEquals("Hi {{first}}", content.subject());
        assertEquals(List.of("List-Unsubscribe", "Reply-To"), List.copyOf(content.headers().keySet()));
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), content.attachments().get(0).content());
        assertEquals("application/octet-stream", content.attachments().get(1).contentType());
        assertEquals("https://files.example/b.pdf", content.attachments().get(1).url().toString());
    }

    @Test
    void aMinimalRequestNeedsSchemaFromRecipientsSubjectAndABody() {
        SendRequest request = valid("""
                {"schema":"mailpipe.send/1","from":"a@x.example","recipients":["b@y.example"],
                 "subject":"s","text":"t"}""");

        assertEquals(MessageTags.NONE, request.tags());
        assertNull(request.notAfter());
        assertFalse(request.isPersonalised());
    }

    @Test
    void utf8AddressesAndTextAreAccepted() {
        SendRequest request = valid("""
                {"schema":"mailpipe.send/1","from":{"address":"jörg@bücher.example","name":"Jörg Müller"},
                 "recipients":["用户@例子.example"],"subject":"Grüße 👋","text":"Ünïcödé"}""");

        assertEquals("jörg@bücher.example", request.from().address());
        assertEquals("用户@例子.example", request.recipients().get(0).to().address());
    }

    @Test
    void aRawRequestKeepsTheMessageOctets() {
        byte[] message = "From: a@x.example\r\nSubject: raw\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        SendRequest request = valid("{\"schema\":\"mailpipe.send/1\",\"idempotencyKey\":\"r1\",\"envelope\":"
                + "{\"from\":\"a@x.example\",\"recipients\":[\"b@y.example\"]},\"message\":\""
                + Base64.getEncoder().encodeToString(message) + "\"}");

        assertArrayEquals(message, assertInstanceOf(MessageContent.Raw.class, request.content()).message());
        assertEquals("a@x.example", request.from().address());
    }

    @Test
    void schemaViolationsNameTheField() {
        assertRejected("not json", Rejection.Reason.SCHEMA, "");
        assertRejected("[1]", Rejection.Reason.SCHEMA, "");
        assertRejected("{\"schema\":\"mailpipe.send/2\"}", Rejection.Reason.SCHEMA, "/schema");
        assertRejected(minimal().replace("\"text\"", "\"txet\""), Rejection.Reason.SCHEMA, "/txet");
        assertRejected(minimal().replace("\"s\"", "1"), Rejection.Reason.SCHEMA, "/subject");
        assertRejected(minimal().replace("\"recipients\":[\"b@y.example\"]", "\"recipients\":[]"),
                Rejection.Reason.SCHEMA, "/recipients");
        assertRejected(withField("\"notAfter\":\"tomorrow\""), Rejection.Reason.SCHEMA, "/notAfter");
        assertRejected(withField("\"tenant\":\"a\\r\\nb\""), Rejection.Reason.SCHEMA, "/tenant");
        assertRejected(withField("\"headers\":{\"Content-Type\":\"text/html\"}"), Rejection.Reason.SCHEMA,
                "/headers/Content-Type");
        assertRejected(withField("\"headers\":{\"X-A\":\"one\\r\\nBcc: evil@x.example\"}"),
                Rejection.Reason.SCHEMA, "/headers/X-A");
        assertRejected(withField("\"variables\":{\"a\":{\"b\":1}}"), Rejection.Reason.SCHEMA, "/variables/a");
        assertRejected(minimal().replace("\"subject\":\"s\",", "\"template\":\"t\",\"subject\":\"s\","),
                Rejection.Reason.SCHEMA, "/template");
    }

    @Test
    void anInvalidAddressIsRejectedAsAddress() {
        assertRejected(minimal().replace("b@y.example", "b@@y.example"), Rejection.Reason.ADDRESS, "/recipients/0");
        assertRejected(minimal().replace("\"from\":\"a@x.example\"", "\"from\":{\"address\":\"no-at-sign\"}"),
                Rejection.Reason.ADDRESS, "/from/address");
        assertRejected(minimal().replace("b@y.example", "b@-bad-.example"), Rejection.Reason.ADDRESS,
                "/recipients/0");
    }

    @Test
    void aRequestWithoutBodyIsRejectedAsBody() {
        assertRejected(minimal().replace(",\"text\":\"t\"", ""), Rejection.Reason.BODY, "/text");
    }

    @Test
    void aRawMessageWithoutHeaderBodySeparatorIsRejectedAsBody() {
        String raw = Base64.getEncoder().encodeToString("Subject: x\nbody only".getBytes(StandardCharsets.US_ASCII));
        assertRejected("{\"schema\":\"mailpipe.send/1\",\"envelope\":{\"from\":\"a@x.example\",\"recipients\":"
                + "[\"b@y.example\"]},\"message\":\"" + raw + "\"}", Rejection.Reason.BODY, "/message");
    }

    @Test
    void oversizedRequestsAndTooManyRecipientsAreRejectedAsSize() {
        assertRejected(minimal().replace("\"t\"", "\"" + "x".repeat(5000) + "\""), Rejection.Reason.SIZE, "");
        assertRejected(minimal().replace("[\"b@y.example\"]", "[\"a@y.example\",\"b@y.example\",\"c@y.example\","
                + "\"d@y.example\"]"), Rejection.Reason.SIZE, "/recipients");
        String raw = Base64.getEncoder().encodeToString(("Subject: x\r\n\r\n" + "y".repeat(2100))
                .getBytes(StandardCharsets.US_ASCII));
        assertRejected("{\"schema\":\"mailpipe.send/1\",\"envelope\":{\"from\":\"a@x.example\",\"recipients\":"
                + "[\"b@y.example\"]},\"message\":\"" + raw + "\"}", Rejection.Reason.SIZE, "/message");
    }

    @Test
    void aNotAfterTimeInThePastIsRejectedAsExpired() {
        assertRejected(withField("\"notAfter\":\"2026-11-23T11:59:59Z\""), Rejection.Reason.EXPIRED, "/notAfter");
    }

    @Test
    void badAttachmentsAreRejectedAsAttachment() {
        assertRejected(withField("\"attachments\":[{\"filename\":\"a\",\"content\":\"***\"}]"),
                Rejection.Reason.ATTACHMENT, "/attachments/0/content");
        assertRejected(withField("\"attachments\":[{\"filename\":\"a\",\"url\":\"ftp://h.example/a\"}]"),
                Rejection.Reason.ATTACHMENT, "/attachments/0/url");
        assertRejected(withField("\"attachments\":[{\"filename\":\"a\",\"url\":\"file:///etc/passwd\"}]"),
                Rejection.Reason.ATTACHMENT, "/attachments/0/url");
    }

    private static String minimal() {
        return "{\"schema\":\"mailpipe.send/1\",\"from\":\"a@x.example\",\"recipients\":[\"b@y.example\"],"
                + "\"subject\":\"s\",\"text\":\"t\"}";
    }

    private static String withField(String member) {
        return minimal().replace("{\"schema\"", "{" + member + ",\"schema\"");
    }

    private SendRequest valid(String json) {
        ParsedRequest parsed = parser.parse(json.getBytes(StandardCharsets.UTF_8));
        assertTrue(parsed.isValid(), () -> String.valueOf(parsed.rejection()));
        return parsed.request();
    }

    private void assertRejected(String json, Rejection.Reason reason, String field) {
        ParsedRequest parsed = parser.parse(json.getBytes(StandardCharsets.UTF_8));
        assertFalse(parsed.isValid(), json);
        assertEquals(reason, parsed.rejection().reason(), parsed.rejection().toString());
        assertEquals(field, parsed.rejection().field(), parsed.rejection().toString());
        assertFalse(parsed.rejection().message().isBlank());
    }
}
