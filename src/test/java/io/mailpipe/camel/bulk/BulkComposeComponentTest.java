package io.mailpipe.camel.bulk;

import io.mailpipe.bulk.BulkRequestRejectedException;
import io.mailpipe.bulk.Rejection;
import io.mailpipe.camel.smtpd.SmtpdConstants;
import io.mailpipe.camel.support.MessageTagHeaders;
import io.mailpipe.camel.support.RawMessage;
import io.mailpipe.smtp.Envelope;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bulk:compose in a route: split into one exchange per message with envelope and tag headers, or a rejection. */
class BulkComposeComponentTest extends CamelTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("bulk:compose?maxRecipients=5").split(body()).to("mock:out");
            }
        };
    }

    @Test
    void eachComposedMessageBecomesAnExchangeWithEnvelopeAndTags() throws Exception {
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(2);

        template.sendBody("direct:in", ("{\"schema\":\"mailpipe.send/1\",\"tenant\":\"acme\",\"campaign\":\"c1\","
                + "\"idempotencyKey\":\"k9\",\"from\":\"news@acme.example\",\"recipients\":["
                + "{\"address\":\"a@x.example\",\"variables\":{\"n\":\"A\"}},"
                + "{\"address\":\"b@y.example\",\"variables\":{\"n\":\"B\"}}],\"subject\":\"Hi {{n}}\",\"text\":\"t\"}")
                .getBytes(StandardCharsets.UTF_8));

        out.assertIsSatisfied();
        List<Exchange> received = out.getReceivedExchanges();
        for (int i = 0; i < 2; i++) {
            var message = received.get(i).getMessage();
            String to = i == 0 ? "a@x.example" : "b@y.example";
            assertEquals(List.of(to), message.getHeader(SmtpdConstants.RCPT_TO));
            assertEquals("news@acme.example", message.getHeader(SmtpdConstants.MAIL_FROM));
            Envelope envelope = message.getHeader(SmtpdConstants.ENVELOPE, Envelope.class);
            assertEquals(to, envelope.recipients().get(0).address());
            assertNotNull(message.getHeader(SmtpdConstants.QUEUE_ID));
            assertInstanceOf(Instant.class, message.getHeader(SmtpdConstants.RECEIVED_AT));
            assertEquals("acme", message.getHeader(MessageTagHeaders.TENANT));
            assertEquals("c1", message.getHeader(MessageTagHeaders.CAMPAIGN));
            assertEquals("k9", message.getHeader(MessageTagHeaders.IDEMPOTENCY_KEY));
            String text = new String(assertInstanceOf(RawMessage.class, message.getBody()).toByteArray(),
                    StandardCharsets.UTF_8);
            assertTrue(text.contains("Subject: Hi " + (i == 0 ? "A" : "B") + "\r\n"), text);
            assertTrue(text.contains("Message-ID: " + message.getHeader(BulkConstants.MESSAGE_ID)), text);
        }
    }

    @Test
    void anUnsendableRequestFailsWithTheTypedRejection() {
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.sendBody("direct:in",
                "{\"schema\":\"mailpipe.send/1\",\"from\":\"a@x.example\",\"recipients\":[\"b@y.example\"],"
                        + "\"subject\":\"s\"}"));
        BulkRequestRejectedException rejected = assertInstanceOf(BulkRequestRejectedException.class, e.getCause());
        assertEquals(Rejection.Reason.BODY, rejected.rejection().reason());
    }
}
