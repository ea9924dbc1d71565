package io.mailpipe.bulk;

import io.mailpipe.queue.MessageTags;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One valid send request of schema {@value #SCHEMA} (see {@code schemas/send-request-1.json}): the sender (the
 * From field and the MAIL FROM address of RFC 5321 §3.3; for a raw request only the latter), the recipients, what
 * to send, the sender's tags (tenant, campaign, idempotency key) and the time after which it must not be sent
 * (null: no limit).
 */
public record SendRequest(String schema, MessageTags tags, Instant notAfter, NamedAddress from,
                          List<RequestRecipient> recipients, MessageContent content) {

    public static final String SCHEMA = "mailpipe.send/1";

    public SendRequest {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(content, "content");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a send request needs a recipient");
        }
    }

    /** True when some recipient has variables of its own, so each needs a message of its own. */
    public boolean isPersonalised() {
        return recipients.stream().anyMatch(r -> !r.variables().isEmpty());
    }
}
