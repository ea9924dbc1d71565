package io.mailpipe.camel.mx;

import io.mailpipe.camel.support.RawMessage;
import io.mailpipe.delivery.DeliveryReport;
import io.mailpipe.dns.InMemoryResolver;
import io.mailpipe.dns.InMemoryZone;
import io.mailpipe.testing.SmtpPeer;
import io.mailpipe.testing.TestTls;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Endpoint options wired through to the engine: a resolver bean whose MX records send mail to 127.0.0.x with the
 * port option, and a smarthost with AUTH over required TLS.
 */
class MxOptionsTest extends CamelTestSupport {

    private static TestTls tls;
    private static SmtpPeer mx;
    private static SmtpPeer relay;

    @BeforeAll
    static void startPeers() throws Exception {
        tls = new TestTls("relay.test");
        mx = new SmtpPeer("127.0.0.5", b -> b);
        relay = new SmtpPeer("127.0.0.1", b -> b.tlsCertificateFile(tls.certificate).tlsKeyFile(tls.key)
                .startTls(true).authenticator((user, password) -> CompletableFuture.completedFuture(
                        user.equals("me") && new String(password).equals("pw"))));
    }

    @AfterAll
    static void stopPeers() throws Exception {
        mx.close();
        relay.close();
        tls.close();
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("zone", new InMemoryResolver(new InMemoryZone()
                .addMx("y.test", 10, "mx.y.test").addA("mx.y.test", "127.0.0.5")));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:mx").to("mx:dns?resolver=#zone&tlsPolicy=none&port=" + mx.port());
                from("direct:relay").to("mx:relay?smarthost=127.0.0.1:" + relay.port()
                        + "&smarthostUser=me&smarthostPassword=pw&heloName=client.test");
            }
        };
    }

    private Exchange send(String endpoint) {
        return template.send(endpoint, e -> {
            e.getMessage().setBody(RawMessage.of("Subject: o\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII)));
            e.getMessage().setHeaders(new HashMap<>(Map.of(MxConstants.MAIL_FROM, "a@x.test",
                    MxConstants.RCPT_TO, List.of("b@y.test"))));
        });
    }

    @Test
    void resolverBeanAndPortRouteToTheMxHost() {
        Exchange result = send("direct:mx");
        assertNull(result.getException());
        assertEquals("mx.y.test", result.getMessage().getHeader(MxConstants.DELIVERY_REPORT, DeliveryReport.class)
                .results().get(0).mxHost());
        assertEquals(List.of("b@y.test"), mx.received.get(0).recipients());
    }

    @Test
    void smarthostReceivesAllMailAuthenticatedOverTls() {
        Exchange result = send("direct:relay");
        assertNull(result.getException());
        assertEquals("me", relay.received.get(0).message().session().authenticatedUser());
        assertEquals(true, relay.received.get(0).message().session().tlsProtocol().startsWith("TLSv1."));
    }
}
