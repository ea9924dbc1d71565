package io.mailpipe.bulk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a send request asks to send: either parts mailpipe composes into a MIME message (RFC 2045-2049), or a
 * ready RFC 5322 message passed through untouched.
 */
public sealed interface MessageContent {

    /**
     * Content to compose: subject, text and/or HTML, or instead a template name; variables for all recipients;
     * extra header fields in request order; attachments.
     */
    record Composed(String subject, String text, String html, String template, Map<String, String> variables,
                    Map<String, String> headers, List<AttachmentSpec> attachments) implements MessageContent {

        public Composed {
            variables = Map.copyOf(variables);
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            attachments = List.copyOf(attachments);
        }
    }

    /** A ready message (RFC 5322 octets) the sender built itself. */
    record Raw(byte[] message) implements MessageContent {

        public Raw {
            message = message.clone();
        }

        @Override
        public byte[] message() {
            return message.clone();
        }
    }
}
