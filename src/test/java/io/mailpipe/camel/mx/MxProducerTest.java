package io.mailpipe.camel.mx;

import io.mailpipe.camel.support.RawMessage;
import io.mailpipe.delivery.DeliveryReport;
import io.mailpipe.delivery.PermanentDeliveryException;
import io.mailpipe.delivery.RecipientOutcome;
import io.mailpipe.delivery.TransientDeliveryException;
import io.mailpipe.testing.RuleScript;
import io.mailpipe.testing.ScriptedPeer;
import io.mailpipe.testing.SmtpPeer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
 * The {@code mx:} producer in a Java-DSL route: success with the report header, transient and permanent exceptions
 * carrying the report, and the retry contract — delivered recipients are never delivered again.
 */
class MxProducerTest extends CamelTestSupport {

    private static SmtpPeer peer;
    private static RuleScript rules;
    private static ScriptedPeer rulePeer;

    @BeforeAll
    static void startPeers() throws Exception {
        peer = SmtpPeer.start();
        rules = new RuleScript();
        rulePeer = new ScriptedPeer(rules);
    }

    @AfterAll
    static void stopPeers() throws Exception {
        peer.close();
        rulePeer.close();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String overrides = "good.test=127.0.0.1:" + peer.port() + ",rules.test=127.0.0.1:" + rulePeer.address().getPort();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("mx:test?heloName=client.test&tlsPolicy=none&greetingTimeout=3s"
                        + "&overrides=" + overrides);
            }
        };
    }

    private Exchange send(Map<String, Object> headers) {
        return template.send("direct:in", e -> {
            e.getMessage().setBody(RawMessage.of("Subject: t\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII)));
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
    }

    @Test
    void allDeliveredContinuesWithTheReport() {
        int before = peer.received.size();
        Exchange result = send(Map.of(MxConstants.MAIL_FROM, "a@x.test",
                MxConstants.RCPT_TO, List.of("b@good.test", "c@good.test")));
        assertNull(result.getException());
        DeliveryReport report = result.getMessage().getHeader(MxConstants.DELIVERY_REPORT, DeliveryReport.class);
        assertTrue(report.allDelivered());
        assertEquals(List.of("b@good.test", "c@good.test"),
                result.getMessage().getHeader(MxConstants.DELIVERED_RECIPIENTS, List.class));
        assertEquals(List.of("b@good.test", "c@good.test"), peer.received.get(before).recipients());
    }

    @Test
    void transientFailureRaisesAndTheRetrySkipsDeliveredRecipients() {
        Exchange first = send(Map.of(MxConstants.MAIL_FROM, "a@x.test",
                MxConstants.RCPT_TO, "ok1@rules.test, temp@rules.test, bad@rules.test"));
        TransientDeliveryException e = assertInstanceOf(TransientDeliveryException.class, first.getException());
        assertEquals(List.of(RecipientOutcome.DELIVERED, RecipientOutcome.TRANSIENT, RecipientOutcome.PERMANENT),
                e.report().results().stream().map(r -> r.outcome()).toList());
        assertEquals("4.2.1", e.report().results().get(1).reply().enhancedStatus());
        assertEquals(List.of("temp@rules.test"), e.report().pendingRecipients());
        assertEquals(List.of("ok1@rules.test"), rules.messages.get(rules.messages.size() - 1));

        int messages = rules.messages.size();
        Exchange retry = send(first.getMessage().getHeaders());
        DeliveryReport merged = ((TransientDeliveryException) retry.getException()).report();
        assertEquals(List.of("ok1@rules.test", "temp@rules.test", "bad@rules.test"),
                merged.results().stream().map(r -> r.recipient()).toList());
        assertEquals(messages, rules.messages.size());
        assertTrue(rulePeer.received.stream().filter(l -> l.startsWith("RCPT TO:<bad@")).count() == 1);
        assertTrue(rulePeer.received.stream().filter(l -> l.startsWith("RCPT TO:<temp@")).count() == 2);
    }

    @Test
    void onlyPermanentFailuresRaisePermanent() {
        Exchange result = send(Map.of(MxConstants.MAIL_FROM, "a@x.test",
                MxConstants.RCPT_TO, List.of("bad1@rules.test", "bad2@rules.test")));
        PermanentDeliveryException e = assertInstanceOf(PermanentDeliveryException.class, result.getException());
        assertEquals(2, e.report().with(RecipientOutcome.PERMANENT).size());
        assertTrue(e.getMessage().contains("550 5.1.1"), e.getMessage());
    }

    @Test
    void everyRecipientAlreadyDeliveredSucceedsWithoutConnecting() {
        int before = peer.received.size();
        Exchange result = send(Map.of(MxConstants.MAIL_FROM, "a@x.test", MxConstants.RCPT_TO, "b@good.test",
                MxConstants.DELIVERED_RECIPIENTS, List.of("B@good.test")));
        assertNull(result.getException());
        assertEquals(before, peer.received.size());
    }
}
