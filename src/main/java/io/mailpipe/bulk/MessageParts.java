package io.mailpipe.bulk;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one composed message is made of, variables already filled in: the From and To mailboxes, the subject,
 * text and/or HTML, extra header fields, attachments with their content, and the Message-ID and Date to write
 * (RFC 5322 §3.6.1, §3.6.4).
 */
public record MessageParts(NamedAddress from, List<NamedAddress> to, String subject, String text, String html,
                           Map<String, String> headers, List<AttachmentSpec> attachments, String messageId,
                           Instant date) {

    public MessageParts {
        to = List.copyOf(to);
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        attachments = List.copyOf(attachments);
        if (text == null && html == null) {
            throw new IllegalArgumentException("a message needs text or html");
        }
    }
}
