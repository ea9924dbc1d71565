package io.mailpipe.camel.mx;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailpipe.camel.support.RawMessage;
import io.mailpipe.delivery.DeliveryReport;
import io.mailpipe.delivery.RecipientOutcome;
import io.mailpipe.delivery.RecipientResult;
import io.mailpipe.delivery.TransientDeliveryException;
import io.mailpipe.delivery.PermanentDeliveryException;
import io.mailpipe.smtp.Envelope;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;
import io.mailpipe.testing.AiosmtpdSink;
import io.mailpipe.testing.PostfixInstance;
import io.mailpipe.testing.TestTls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * mx: against real SMTP servers on loopback: a python3-aiosmtpd sink answering per recipient, with STARTTLS from a
 * generated certificate, and a private Debian Postfix instance as the receiving MTA.
 */
class MxRealPeersIT extends CamelTestSupport {

    private static final String CONTENT = "Subject: interop\r\nFrom: a@x.test\r\n\r\n.leading dot\r\n..two dots\r\n"
            + "plain line\r\n.\r\nafter a lone dot\r\n";

    private static TestTls tls;
    private static AiosmtpdSink sink;
    private static PostfixInstance postfix;

    @BeforeAll
    static void startPeers() throws Exception {
        tls = new TestTls("sink.test");
        sink = new AiosmtpdSink("{\"temp\": \"451 4.2.1 mailbox busy\", \"bad\": \"550 5.1.1 no such user\"}", tls);
        postfix = new PostfixInstance("postfix.test", List.of("alice"));
    }

    @AfterAll
    static void stopPeers() throws Exception {
        try {
            sink.close();
            tls.close();
        } finally {
            postfix.close();
        }
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String overrides = "sink.test=127.0.0.1:" + sink.port() + ",postfix.test=127.0.0.1:" + postfix.port();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("mx:it?heloName=client.test&greetingTimeout=10s&overrides=" + overrides);
            }
        };
    }

    private Exchange send(Object envelopeOrRecipients) {
        return template.send("direct:in", e -> {
            e.getMessage().setBody(RawMessage.of(CONTENT.getBytes(StandardCharsets.UTF_8)));
            if (envelopeOrRecipients instanceof Envelope envelope) {
                e.getMessage().setHeader(MxConstants.ENVELOPE, envelope);
            } else {
                e.getMessage().setHeaders(new java.util.HashMap<>(Map.of(MxConstants.MAIL_FROM, "a@x.test",
                        MxConstants.RCPT_TO, envelopeOrRecipients)));
            }
        });
    }

    private static JsonNode lastSinkMessage() throws Exception {
        List<JsonNode> messages = sink.messages();
        return messages.get(messages.size() - 1);
    }

    @Test
    void sinkRepliesBecomePerRecipientOutcomesAndContentArrivesIntact() throws Exception {
        Exchange result = send(List.of("one@sink.test", "temp@sink.test", "bad@sink.test", "two@sink.test"));
        TransientDeliveryException e = assertInstanceOf(TransientDeliveryException.class, result.getException());
        List<RecipientResult> results = e.report().results();
        assertEquals(List.of(RecipientOutcome.DELIVERED, RecipientOutcome.TRANSIENT, RecipientOutcome.PERMANENT,
                RecipientOutcome.DELIVERED), results.stream().map(RecipientResult::outcome).toList());
        assertEquals("4.2.1", results.get(1).reply().enhancedStatus());
        assertEquals("5.1.1", results.get(2).reply().enhancedStatus());
        assertEquals("127.0.0.1", results.get(0).mxAddress());
        JsonNode logged = lastSinkMessage();
        assertEquals("[\"one@sink.test\",\"two@sink.test\"]", logged.get("rcpt_tos").toString());
        assertEquals(CONTENT, logged.get("content").asText());
        assertTrue(logged.get("tls").asBoolean(), "opportunistic TLS is used when the sink offers STARTTLS");
        assertTrue(logged.get("mail_options").toString().contains("SIZE=" + CONTENT.length()));
    }

    @Test
    void internationalisedRecipientIsSentWithSmtputf8() throws Exception {
        Envelope envelope = new Envelope(new MailFrom("a@x.test", OptionalLong.empty(),
                MailFrom.BodyType.EIGHT_BIT_MIME, true, null, null),
                List.of(new Recipient("jörg@sink.test", Set.of(), null)));
        assertNull(send(envelope).getException());
        JsonNode logged = lastSinkMessage();
        assertEquals("jörg@sink.test", logged.get("rcpt_tos").get(0).asText());
        assertTrue(logged.get("mail_options").toString().contains("SMTPUTF8"), logged.toString());
        assertTrue(logged.get("mail_options").toString().contains("BODY=8BITMIME"), logged.toString());
    }

    @Test
    void postfixDeliversToAMaildirAndRefusesUnknownUsers() throws Exception {
        Exchange result = send(List.of("alice@postfix.test", "bob@postfix.test"));
        TransientDeliveryException unexpected = result.getException(TransientDeliveryException.class);
        assertNull(unexpected, () -> String.valueOf(unexpected));
        DeliveryReport report = result.getMessage().getHeader(MxConstants.DELIVERY_REPORT, DeliveryReport.class);
        assertEquals(RecipientOutcome.DELIVERED, report.results().get(0).outcome());
        assertEquals(RecipientOutcome.PERMANENT, report.results().get(1).outcome());
        assertEquals("5.1.1", report.results().get(1).reply().enhancedStatus());
        assertTrue(report.results().get(1).reply().lines().get(0).contains("User unknown"));
        assertInstanceOf(PermanentDeliveryException.class, result.getException());
        String delivered = null;
        for (int i = 0; i < 100 && delivered == null; i++) {
            List<java.nio.file.Path> files = postfix.mailboxFiles("alice");
            if (!files.isEmpty()) {
                delivered = Files.readString(files.get(0), StandardCharsets.UTF_8);
            } else {
                Thread.sleep(100);
            }
        }
        assertTrue(delivered != null, postfix.log());
        assertTrue(delivered.replace("\r\n", "\n").endsWith(CONTENT.substring(CONTENT.indexOf("\r\n\r\n") + 4)
                .replace("\r\n", "\n")), delivered);
        assertTrue(postfix.log().contains("status=sent (delivered to maildir)"));
    }
}
