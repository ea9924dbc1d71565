package io.mailpipe.bulk;

import io.mailpipe.queue.MessageTags;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message ready for the queue: its queue id, its Message-ID (null for a raw message, whose fields are the
 * sender's), the SMTP envelope (RFC 5321 §3.3 MAIL FROM and RCPT TO addresses; {@code smtputf8} when an address
 * needs RFC 6531, {@code eightBit} when the octets are not all 7-bit, for RFC 6152 BODY=8BITMIME), the message
 * octets, the sender's tags and the request's notAfter (null: none), which the queue keeps as the message's cut-off.
 */
public record ComposedMessage(String queueId, String messageId, String mailFrom, List<String> recipients,
                              boolean smtputf8, boolean eightBit, byte[] message, MessageTags tags,
                              Instant notAfter) {

    public ComposedMessage {
        Objects.requireNonNull(queueId, "queueId");
        Objects.requireNonNull(mailFrom, "mailFrom");
        recipients = List.copyOf(recipients);
        message = message.clone();
    }

    @Override
    public byte[] message() {
        return message.clone();
    }
}
