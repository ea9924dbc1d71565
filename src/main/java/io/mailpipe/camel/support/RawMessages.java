package io.mailpipe.camel.support;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadRuntimeException;

/** Exchange-level access to the {@link RawMessage} body that every mail route step reads and extends. */
public final class RawMessages {

    private RawMessages() {
    }

    /** The body as a RawMessage, converting bytes, text or a stream; fails clearly when there is no message. */
    public static RawMessage body(Exchange exchange) {
        RawMessage message = exchange.getMessage().getBody(RawMessage.class);
        if (message == null) {
            throw new InvalidPayloadRuntimeException(exchange, RawMessage.class);
        }
        return message;
    }

    /** Prepends a complete header field (ending in CRLF) to the message in the exchange body. */
    public static void prependField(Exchange exchange, byte[] field) {
        exchange.getMessage().setBody(body(exchange).prepend(field));
    }
}
