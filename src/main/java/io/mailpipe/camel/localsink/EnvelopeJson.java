package io.mailpipe.camel.localsink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailpipe.camel.smtpd.SmtpdConstants;
import io.mailpipe.smtp.Envelope;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;
import org.apache.camel.Message;

import java.time.Instant;

/**
 * The envelope of a stored message as one JSON object (RFC 5321 §2.3.1 reverse-path and forward-paths with the
 * RFC 3461 NOTIFY/ORCPT/RET/ENVID and RFC 6531 SMTPUTF8 parameters, plus the trace facts of §4.4: queue id, time of
 * receipt, client address, HELO name, and the authenticated user when known). Absent facts are left out.
 */
final class EnvelopeJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EnvelopeJson() {
    }

    static byte[] render(Message message, Envelope envelope, String messageFile) throws java.io.IOException {
        ObjectNode root = JSON.createObjectNode();
        putIfPresent(root, "queueId", message.getHeader(SmtpdConstants.QUEUE_ID, String.class));
        Instant receivedAt = message.getHeader(SmtpdConstants.RECEIVED_AT, Instant.class);
        putIfPresent(root, "receivedAt", receivedAt == null ? null : receivedAt.toString());
        MailFrom from = envelope.mailFrom();
        root.put("mailFrom", from.reversePath());
        root.put("body", from.bodyKeyword());
        root.put("smtpUtf8", from.smtputf8());
        putIfPresent(root, "ret", from.ret() == null ? null : from.ret().name());
        putIfPresent(root, "envid", from.envelopeId());
        ArrayNode recipients = root.putArray("recipients");
        for (Recipient recipient : envelope.recipients()) {
            ObjectNode entry = recipients.addObject();
            entry.put("address", recipient.address());
            ArrayNode notify = entry.putArray("notify");
            recipient.notifyOn().stream().map(Enum::name).sorted().forEach(notify::add);
            putIfPresent(entry, "orcpt", recipient.originalRecipient());
        }
        putIfPresent(root, "clientIp", message.getHeader(SmtpdConstants.CLIENT_IP, String.class));
        putIfPresent(root, "heloName", message.getHeader(SmtpdConstants.HELO_NAME, String.class));
        putIfPresent(root, "authenticatedUser", message.getHeader(SmtpdConstants.AUTHENTICATED_USER, String.class));
        root.put("message", messageFile);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }


    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
