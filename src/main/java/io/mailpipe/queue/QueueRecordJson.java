package io.mailpipe.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.Recipient;
import io.mailpipe.smtp.SmtpReply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The JSON form of a {@link QueueRecord}, version {@value #VERSION}; the same document is the header of a spool file
 * and can travel as a Kafka record header. Field names (absent or null means "not given"):
 * <pre>
 * { "v": 1, "queueId": "...", "receivedAt": "2026-11-23T10:15:30Z", "attempts": 0, "nextAttemptAt": null,
 *   "lastError": null, "revision": 0, "clientIp": "192.0.2.1", "heloName": "client.example",
 *   "mailFrom": { "reversePath": "a@example.org", "size": 1234, "body": "EIGHT_BIT_MIME", "smtputf8": false,
 *                 "ret": "HDRS", "envid": "..." },                 // RFC 1870, 6152, 6531, 3461 §4.3-4.4
 *   "recipients": [ { "address": "b@example.net", "notify": ["FAILURE"], "orcpt": "rfc822;b@example.net",
 *                     "status": "PENDING", "mxHost": "mx.example.net",   // RFC 3461 §4.1-4.2
 *                     "reply": { "code": 451, "enhanced": "4.3.0", "lines": ["try later"] } } ] ,
 *   "tags": { "tenant": "acme", "campaign": "nov", "idempotencyKey": "k-1" },      // version 2, each optional
 *   "notAfter": "2026-11-24T00:00:00Z" }                                            // optional, any version
 * </pre>
 * Version 2 added "tags"; a record without tags is still written as version 1, so a reader that knows only version 1
 * keeps reading all mail it could read before (SMTP mail has no tags). Readers refuse a newer "v" than they know.
 * "notAfter" (the send request's cut-off, {@link QueueRecord#notAfter()}) is written only when set and needs no new
 * version: a reader that does not know it delivers the message as one without a cut-off instead of refusing it, which
 * keeps a rolling upgrade from stopping a queue; an absent or null "notAfter" means none.
 */
public final class QueueRecordJson {

    public static final int VERSION = 2;
    private static final int VERSION_WITHOUT_TAGS = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private QueueRecordJson() {
    }

    public static byte[] toBytes(QueueRecord record) {
        try {
            return JSON.writeValueAsBytes(toTree(record));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static QueueRecord fromBytes(byte[] json) throws IOException {
        JsonNode root = JSON.readTree(json);
        int version = root.path("v").asInt(-1);
        if (version < 1 || version > VERSION) {
            throw new IOException("unsupported queue record version " + version);
        }
        List<RecipientState> recipients = new ArrayList<>();
        for (JsonNode recipient : root.path("recipients")) {
            recipients.add(recipient(recipient));
        }
        return new QueueRecord(root.path("queueId").asText(), Instant.parse(root.path("receivedAt").asText()),
                mailFrom(root.path("mailFrom")), recipients, root.path("attempts").asInt(),
                instant(root.get("nextAttemptAt")), text(root.get("lastError")), root.path("revision").asInt(),
                text(root.get("clientIp")), text(root.get("heloName")), tags(root.get("tags")),
                instant(root.get("notAfter")));
    }

    private static MessageTags tags(JsonNode node) {
        if (node == null || !node.isObject()) {
            return MessageTags.NONE;
        }
        return MessageTags.of(text(node.get("tenant")), text(node.get("campaign")), text(node.get("idempotencyKey")));
    }

    private static ObjectNode toTree(QueueRecord record) {
        ObjectNode root = JSON.createObjectNode();
        root.put("v", record.tags().isEmpty() ? VERSION_WITHOUT_TAGS : VERSION);
        root.put("queueId", record.queueId());
        root.put("receivedAt", record.receivedAt().toString());
        root.put("attempts", record.attempts());
        root.put("nextAttemptAt", record.nextAttemptAt() == null ? null : record.nextAttemptAt().toString());
        root.put("lastError", record.lastError());
        root.put("revision", record.revision());
        root.put("clientIp", record.clientIp());
        root.put("heloName", record.heloName());
        root.set("mailFrom", mailFromTree(record.mailFrom()));
        ArrayNode recipients = root.putArray("recipients");
        record.recipients().forEach(r -> recipients.add(recipientTree(r)));
        if (!record.tags().isEmpty()) {
            ObjectNode tags = root.putObject("tags");
            putIfPresent(tags, "tenant", record.tags().tenant());
            putIfPresent(tags, "campaign", record.tags().campaign());
            putIfPresent(tags, "idempotencyKey", record.tags().idempotencyKey());
        }
        if (record.notAfter() != null) {
            root.put("notAfter", record.notAfter().toString());
        }
        return root;
    }

    private static ObjectNode mailFromTree(MailFrom from) {
        ObjectNode node = JSON.createObjectNode();
        node.put("reversePath", from.reversePath());
        from.declaredSize().ifPresent(size -> node.put("size", size));
        node.put("body", from.body() == null ? null : from.body().name());
        node.put("smtputf8", from.smtputf8());
        node.put("ret", from.ret() == null ? null : from.ret().name());
        node.put("envid", from.envelopeId());
        return node;
    }

    private static MailFrom mailFrom(JsonNode node) {
        OptionalLong size = node.hasNonNull("size") ? OptionalLong.of(node.get("size").asLong()) : OptionalLong.empty();
        String body = text(node.get("body"));
        String ret = text(node.get("ret"));
        return new MailFrom(node.path("reversePath").asText(), size,
                body == null ? null : MailFrom.BodyType.valueOf(body), node.path("smtputf8").asBoolean(),
                ret == null ? null : MailFrom.DsnReturn.valueOf(ret), text(node.get("envid")));
    }

    private static ObjectNode recipientTree(RecipientState state) {
        ObjectNode node = JSON.createObjectNode();
        node.put("address", state.address());
        ArrayNode notify = node.putArray("notify");
        state.recipient().notifyOn().stream().map(Enum::name).sorted().forEach(notify::add);
        node.put("orcpt", state.recipient().originalRecipient());
        node.put("status", state.status().name());
        node.put("mxHost", state.mxHost());
        if (state.lastReply() != null) {
            ObjectNode reply = node.putObject("reply");
            reply.put("code", state.lastReply().code());
            reply.put("enhanced", state.lastReply().enhancedStatus());
            ArrayNode lines = reply.putArray("lines");
            state.lastReply().lines().forEach(lines::add);
        }
        return node;
    }

    private static RecipientState recipient(JsonNode node) {
        Set<Recipient.Notify> notify = EnumSet.noneOf(Recipient.Notify.class);
        node.path("notify").forEach(n -> notify.add(Recipient.Notify.valueOf(n.asText())));
        Recipient recipient = new Recipient(node.path("address").asText(), notify, text(node.get("orcpt")));
        SmtpReply reply = null;
        JsonNode replyNode = node.get("reply");
        if (replyNode != null && !replyNode.isNull()) {
            List<String> lines = new ArrayList<>();
            replyNode.path("lines").forEach(line -> lines.add(line.asText()));
            reply = new SmtpReply(replyNode.path("code").asInt(), text(replyNode.get("enhanced")), lines);
        }
        return new RecipientState(recipient, RecipientStatus.valueOf(node.path("status").asText()), reply,
                text(node.get("mxHost")));
    }

    /** Adds {@code name} only when {@code value} is given: absent tags stay absent in JSON. */
    static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Instant instant(JsonNode node) {
        String text = text(node);
        return text == null ? null : Instant.parse(text);
    }
}
