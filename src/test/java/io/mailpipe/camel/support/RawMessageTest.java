package io.mailpipe.camel.support;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RawMessageTest {

    private static final String RECEIVED = "Subject: hi\r\n\r\nbody\r\n";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void prependedFieldsComeFirstNewestOnTopAndTheReceivedBytesAreUntouched() throws Exception {
        RawMessage original = RawMessage.of(bytes(RECEIVED));
        RawMessage signed = original.prepend(bytes("X-First: 1\r\n")).prepend(bytes("X-Second: 2\r\n"));

        assertEquals("X-Second: 2\r\nX-First: 1\r\n" + RECEIVED, new String(signed.toByteArray(), StandardCharsets.UTF_8));
        assertEquals(signed.toByteArray().length, signed.length());
        assertArrayEquals(bytes(RECEIVED), original.toByteArray(), "the original instance is unchanged");
        try (InputStream in = signed.open()) {
            assertArrayEquals(signed.toByteArray(), in.readAllBytes(), "re-readable");
        }
    }

    @Test
    void aKeyedFieldIsReplacedWhereItStands() {
        RawMessage message = RawMessage.of(bytes(RECEIVED))
                .withTopField("k", bytes("X-Keyed: old\r\n"))
                .prepend(bytes("X-Top: t\r\n"))
                .withTopField("k", bytes("X-Keyed: new\r\n"));

        assertEquals("X-Top: t\r\nX-Keyed: new\r\n" + RECEIVED, new String(message.toByteArray(), StandardCharsets.UTF_8));
    }

    @Test
    void somethingThatIsNotOneHeaderFieldIsRefused() {
        RawMessage message = RawMessage.of(bytes(RECEIVED));
        assertThrows(IllegalArgumentException.class, () -> message.prepend(bytes("X-No-Crlf: 1")));
        assertThrows(IllegalArgumentException.class, () -> message.prepend(bytes(" continuation\r\n")));
    }

    @Test
    void authenticationResultsClausesMergeIntoOneFieldPerAuthservId() {
        CamelContext context = new DefaultCamelContext();
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(bytes(RECEIVED));

        AuthenticationResults.addClause(exchange, "mx.example.net", "spf=pass smtp.mailfrom=example.org");
        AuthenticationResults.addClause(exchange, "mx.example.net",
                "dkim=pass header.d=example.org header.s=sel header.b=AbCdEfGh");

        String text = exchange.getMessage().getBody(String.class);
        assertEquals("Authentication-Results: mx.example.net; spf=pass smtp.mailfrom=example.org;\r\n"
                + "\tdkim=pass header.d=example.org header.s=sel header.b=AbCdEfGh\r\n" + RECEIVED, text);
        assertEquals(2, AuthenticationResults.clauses(exchange, "mx.example.net").size());
    }
}
