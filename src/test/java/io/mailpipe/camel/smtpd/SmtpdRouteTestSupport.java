package io.mailpipe.camel.smtpd;

import io.mailpipe.camel.support.RawMessage;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A Camel context with one {@code smtpd:} route on a free loopback port, STARTTLS and AUTH enabled, accepting mail
 * for example.org and storing it in {@code mock:received}; interop tests point real clients at it.
 */
abstract class SmtpdRouteTestSupport extends CamelTestSupport {

    static final String ROUTE_ID = "smtpd-under-test";

    @TempDir
    Path workDirectory;
    TestCredentials credentials;

    /** Extra smtpd: URI options of a test class, e.g. "&authAllowPlaintext=true". */
    protected String extraOptions() {
        return "";
    }

    @Override
    protected RoutesBuilder createRouteBuilder() throws Exception {
        credentials = TestCredentials.create(workDirectory);
        String uri = "smtpd:127.0.0.1:0?serverName=mx.test.example&localDomains=example.org&"
                + credentials.smtpdOptions() + extraOptions();
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the body is readable until the exchange completes; tests keep a copy to inspect afterwards
                from(uri).routeId(ROUTE_ID).convertBodyTo(byte[].class).to("mock:received");
            }
        };
    }

    int port() {
        SmtpdConsumer consumer = (SmtpdConsumer) context.getRoute(ROUTE_ID).getConsumer();
        return consumer.getLocalAddress().getPort();
    }

    MockEndpoint received() {
        return getMockEndpoint("mock:received");
    }

    static String text(Exchange exchange) {
        return new String(exchange.getMessage().getBody(RawMessage.class).toByteArray(), StandardCharsets.UTF_8);
    }

    /** The message as the client sent it: everything after the Received field the server prepended. */
    static String withoutTraceField(String message) {
        if (!message.startsWith("Received: ")) {
            throw new AssertionError("message does not start with our Received field:\n" + message);
        }
        int end = message.indexOf("\r\n");
        while (message.charAt(end + 2) == ' ' || message.charAt(end + 2) == '\t') {
            end = message.indexOf("\r\n", end + 2);
        }
        return message.substring(end + 2);
    }
}
