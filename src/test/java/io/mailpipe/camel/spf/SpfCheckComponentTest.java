package io.mailpipe.camel.spf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailpipe.camel.support.RawMessage;
import io.mailpipe.dns.DnsStatus;
import io.mailpipe.dns.InMemoryResolver;
import io.mailpipe.dns.InMemoryZone;
import io.mailpipe.smtp.MessageRejectedException;
import io.mailpipe.smtp.SmtpReply;
import io.mailpipe.spf.SpfResult;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/** spf:check in routes: headers, Received-SPF and Authentication-Results on the raw message, reject policies. */
class SpfCheckComponentTest extends CamelTestSupport {

    private static final String MESSAGE = "From: a@example.com\r\nSubject: hi\r\n\r\nbody\r\n";
    private static final String DNS = "resolver=#dns&receiver=mx.test.example";

    private final InMemoryZone zone = new InMemoryZone()
            .addTxt("example.com", "v=spf1 ip4:192.0.2.0/24 ~all")
            .addTxt("strict.example.com", "v=spf1 ip4:192.0.2.0/24 -all exp=why.example.com")
            .addTxt("why.example.com", "%{i} may not send for %{d}")
            .addTxt("helo.example.net", "v=spf1 a -all").addA("helo.example.net", "198.51.100.7")
            .fail("broken.example.org", InMemoryZone.Type.TXT, DnsStatus.TIMEOUT);

    @Override
    protected RoutesBuilder createRouteBuilder() {
        context.getRegistry().bind("dns", new InMemoryResolver(zone));
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:record").to("spf:check?" + DNS + "&authservId=mx.test.example");
                from("direct:rejectFail").to("spf:check?" + DNS + "&policy=rejectFail&temperror=defer");
                from("direct:rejectSoftfail").to("spf:check?" + DNS + "&policy=rejectFailAndSoftfail");
                from("direct:otherHeaders").to("spf:check?" + DNS
                        + "&clientIpHeader=ip&mailFromHeader=from&heloHeader=helo&receivedSpf=false&authservId=a.test");
            }
        };
    }

    private Exchange send(String uri, String ip, String mailFrom, String helo) {
        Map<String, Object> headers = new HashMap<>();
        headers.put("MailpipeClientIp", ip);
        headers.put("MailpipeMailFrom", mailFrom);
        headers.put("MailpipeHeloName", helo);
        return template.request(uri, e -> {
            e.getMessage().setHeaders(headers);
            e.getMessage().setBody(MESSAGE.getBytes(StandardCharsets.US_ASCII));
        });
    }

    private static String body(Exchange exchange) {
        return new String(exchange.getMessage().getBody(RawMessage.class).toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void recordsPassAsHeadersReceivedSpfAndAuthenticationResults() {
        Exchange exchange = send("direct:record", "192.0.2.5", "alice@example.com", "mail.example.com");
        assertEquals(null, exchange.getException());
        assertEquals("pass", exchange.getMessage().getHeader(SpfConstants.SPF_RESULT));
        assertInstanceOf(SpfResult.class, exchange.getMessage().getHeader(SpfConstants.SPF_RESULT_DETAIL));
        String body = body(exchange);
        assertTrue(body.startsWith("Authentication-Results: mx.test.example; spf=pass smtp.mailfrom=example.com\r\n"
                + "Received-SPF: pass\r\n\t(mx.test.example: domain of example.com designates"), body);
        assertTrue(body.contains("client-ip=192.0.2.5; envelope-from=alice@example.com; helo=mail.example.com;"));
        assertTrue(body.endsWith(MESSAGE), body);
    }

    @Test
    void recordOnlyPolicyKeepsAFailingMessage() {
        Exchange exchange = send("direct:record", "203.0.113.1", "bob@strict.example.com", "x.example");
        assertEquals(null, exchange.getException());
        assertEquals("fail", exchange.getMessage().getHeader(SpfConstants.SPF_RESULT));
        assertEquals("203.0.113.1 may not send for strict.example.com",
                exchange.getMessage().getHeader(SpfConstants.SPF_EXPLANATION));
    }

    @Test
    void rejectFailGives550With5723AndTheExplanation() {
        Exchange exchange = send("direct:rejectFail", "203.0.113.1", "bob@strict.example.com", "x.example");
        MessageRejectedException rejected = assertInstanceOf(MessageRejectedException.class, exchange.getException());
        assertEquals(SmtpReply.of(550, "5.7.23", "SPF validation failed: 203.0.113.1 may not send for "
                + "strict.example.com"), rejected.reply());
        Exchange softfail = send("direct:rejectFail", "203.0.113.1", "bob@example.com", "x.example");
        assertEquals(null, softfail.getException());
        assertEquals("softfail", softfail.getMessage().getHeader(SpfConstants.SPF_RESULT));
    }

    @Test
    void rejectFailAndSoftfailRejectsSoftfail() {
        Exchange exchange = send("direct:rejectSoftfail", "203.0.113.1", "bob@example.com", "x.example");
        MessageRejectedException rejected = assertInstanceOf(MessageRejectedException.class, exchange.getException());
        assertEquals(550, rejected.reply().code());
        assertEquals("5.7.23", rejected.reply().enhancedStatus());
    }

    @Test
    void temperrorIsDeferredWith451WhenConfigured() {
        Exchange deferred = send("direct:rejectFail", "192.0.2.5", "x@broken.example.org", "x.example");
        MessageRejectedException rejected = assertInstanceOf(MessageRejectedException.class, deferred.getException());
        assertEquals(SmtpReply.of(451, "4.7.24", "SPF validation error, try again later"), rejected.reply());
        Exchange accepted = send("direct:record", "192.0.2.5", "x@broken.example.org", "x.example");
        assertEquals(null, accepted.getException());
        assertEquals("temperror", accepted.getMessage().getHeader(SpfConstants.SPF_RESULT));
    }

    @Test
    void readsOtherHeadersWhenToldAndChecksHeloForTheNullSender() {
        Exchange exchange = template.request("direct:otherHeaders", e -> {
            e.getMessage().setHeader("ip", "198.51.100.7");
            e.getMessage().setHeader("from", "");
            e.getMessage().setHeader("helo", "helo.example.net");
            e.getMessage().setBody(MESSAGE);
        });
        assertEquals(null, exchange.getException());
        assertEquals("pass", exchange.getMessage().getHeader(SpfConstants.SPF_RESULT));
        assertEquals("Authentication-Results: a.test; spf=pass smtp.helo=helo.example.net\r\n" + MESSAGE,
                body(exchange));
    }

    @Test
    void aMissingClientAddressIsAFault() {
        Exchange exchange = template.request("direct:record", e -> e.getMessage().setBody(MESSAGE));
        assertInstanceOf(IllegalArgumentException.class, exchange.getException());
    }

    @Test
    void worksFromAYamlRoute() throws Exception {
        String yaml = """
                - route:
                    id: yaml-spf
                    from:
                      uri: direct:yaml
                      steps:
                        - to:
                            uri: spf:check
                            parameters:
                              resolver: "#dns"
                              receiver: mx.yaml.example
                              policy: rejectFail
                              authservId: mx.yaml.example
                """;
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("spf.camel.yaml", yaml));
        Exchange pass = send("direct:yaml", "192.0.2.9", "carol@strict.example.com", "h.example");
        assertEquals("pass", pass.getMessage().getHeader(SpfConstants.SPF_RESULT));
        assertTrue(body(pass).startsWith("Authentication-Results: mx.yaml.example;\r\n\tspf=pass "
                + "smtp.mailfrom=strict.example.com\r\nReceived-SPF: pass"), body(pass));
        Exchange fail = send("direct:yaml", "198.51.100.1", "carol@strict.example.com", "h.example");
        assertEquals(550, assertInstanceOf(MessageRejectedException.class, fail.getException()).reply().code());
    }
}
