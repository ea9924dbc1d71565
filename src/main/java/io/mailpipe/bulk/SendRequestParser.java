package io.mailpipe.bulk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mailpipe.queue.MessageTags;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a send request of schema {@value SendRequest#SCHEMA} (JSON, RFC 8259) into a {@link SendRequest} or a
 * {@link Rejection}: structure and types, mailbox syntax (RFC 5321 §4.1.2, RFC 6531), a body or template, header
 * fields the sender may set (see {@link HeaderRules}), attachments (content in base64, RFC 4648 §4, or an http(s)
 * URL), size limits and the notAfter time. Unknown fields are refused. The raw form (envelope + message) is checked
 * only for its envelope, a header/body separator (RFC 5322 §2.1) and size.
 */
public final class SendRequestParser {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final Set<String> COMMON = Set.of("schema", "tenant", "campaign", "idempotencyKey", "notAfter");
    private static final Set<String> COMPOSED = Set.of("from", "recipients", "subject", "text", "html", "template",
            "variables", "headers", "attachments");
    private static final Set<String> RAW = Set.of("envelope", "message");
    private static final int MAX_TAG = 256;
    private static final int MAX_TEXT = Integer.MAX_VALUE;

    private final BulkSettings settings;
    private final Clock clock;

    public SendRequestParser(BulkSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The request in {@code json}, or why it is refused; never throws for bad input. */
    public ParsedRequest parse(byte[] json) {
        try {
            return new ParsedRequest(parseOrThrow(json), null);
        } catch (BulkRequestRejectedException e) {
            return new ParsedRequest(null, e.rejection());
        }
    }

    public SendRequest parseOrThrow(byte[] json) throws BulkRequestRejectedException {
        if (json.length > settings.maxRequestBytes()) {
            throw new BulkRequestRejectedException(Rejection.Reason.SIZE, "",
                    "request of " + json.length + " octets exceeds " + settings.maxRequestBytes());
        }
        RequestFields root = new RequestFields(readTree(json), "");
        String schema = root.optionalLine("schema", 64);
        if (!SendRequest.SCHEMA.equals(schema)) {
            throw RequestFields.schema("/schema", "must be \"" + SendRequest.SCHEMA + "\"");
        }
        boolean raw = root.has("message") || root.has("envelope");
        root.onlyKnown(union(COMMON, raw ? RAW : COMPOSED));
        MessageTags tags = MessageTags.of(root.optionalLine("tenant", MAX_TAG), root.optionalLine("campaign", MAX_TAG),
                root.optionalLine("idempotencyKey", MAX_TAG));
        Instant notAfter = root.optionalInstant("notAfter");
        if (notAfter != null && !notAfter.isAfter(clock.instant())) {
            throw new BulkRequestRejectedException(Rejection.Reason.EXPIRED, "/notAfter",
                    "notAfter " + notAfter + " has passed");
        }
        return raw ? rawRequest(root, tags, notAfter) : composedRequest(root, tags, notAfter);
    }

    private static JsonNode readTree(byte[] json) throws BulkRequestRejectedException {
        try {
            JsonNode tree = JSON.readTree(json);
            if (tree == null || tree.isMissingNode()) {
                throw RequestFields.schema("", "empty request");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw RequestFields.schema("", "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw RequestFields.schema("", "unreadable request: " + e.getMessage());
        }
    }

    private SendRequest composedRequest(RequestFields root, MessageTags tags, Instant notAfter)
            throws BulkRequestRejectedException {
        if (!root.has("from")) {
            throw RequestFields.schema("/from", "is required");
        }
        NamedAddress from = RequestFields.namedAddress(root.get("from"), "/from");
        List<RequestRecipient> recipients = recipients(root);
        String template = root.optionalLine("template", 128);
        String subject = root.optionalText("subject", 998);
        String text = root.optionalText("text", MAX_TEXT);
        String html = root.optionalText("html", MAX_TEXT);
        if (template != null && (subject != null || text != null || html != null)) {
            throw RequestFields.schema("/template",
                    "a template replaces subject, text and html; give one or the other");
        }
        if (template == null && text == null && html == null) {
            throw new BulkRequestRejectedException(Rejection.Reason.BODY, "/text",
                    "a request needs text, html or a template");
        }
        if (template == null && subject == null) {
            throw RequestFields.schema("/subject", "is required with text or html");
        }
        var content = new MessageContent.Composed(subject, text, html, template, root.variables("variables"),
                HeaderRules.headers(root), attachments(root));
        return new SendRequest(SendRequest.SCHEMA, tags, notAfter, from, recipients, content);
    }

    private List<RequestRecipient> recipients(RequestFields root) throws BulkRequestRejectedException {
        JsonNode list = root.get("recipients");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw RequestFields.schema("/recipients", "must be a non-empty array");
        }
        if (list.size() > settings.maxRecipients()) {
            throw new BulkRequestRejectedException(Rejection.Reason.SIZE, "/recipients",
                    list.size() + " recipients exceed the limit of " + settings.maxRecipients());
        }
        List<RequestRecipient> recipients = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String pointer = "/recipients/" + i;
            JsonNode entry = list.get(i);
            NamedAddress to = RequestFields.namedAddress(entry, pointer);
            Map<String, String> variables = entry.isObject()
                    ? new RequestFields(entry, pointer).variables("variables") : Map.of();
            recipients.add(new RequestRecipient(to, variables));
        }
        return recipients;
    }

    private List<AttachmentSpec> attachments(RequestFields root) throws BulkRequestRejectedException {
        List<AttachmentSpec> attachments = new ArrayList<>();
        if (!root.has("attachments")) {
            return attachments;
        }
        JsonNode list = root.get("attachments");
        if (!list.isArray()) {
            throw RequestFields.schema("/attachments", "must be an array");
        }
        for (int i = 0; i < list.size(); i++) {
            attachments.add(attachment(new RequestFields(list.get(i), "/attachments/" + i)));
        }
        return attachments;
    }

    private AttachmentSpec attachment(RequestFields fields) throws BulkRequestRejectedException {
        fields.onlyKnown(Set.of("filename", "contentType", "content", "url"));
        String filename = fields.optionalLine("filename", 255);
        if (filename == null) {
            throw RequestFields.schema(fields.pointer("filename"), "is required");
        }
        String type = fields.optionalLine("contentType", 255);
        if (type != null && !type.toLowerCase(Locale.ROOT).matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+")) {
            throw RequestFields.schema(fields.pointer("contentType"), "must be a MIME type such as application/pdf");
        }
        String contentType = type == null ? "application/octet-stream" : type;
        String content = fields.optionalText("content", MAX_TEXT);
        String url = fields.optionalLine("url", 2048);
        if ((content == null) == (url == null)) {
            throw RequestFields.schema(fields.pointer("content"), "an attachment has either content or url");
        }
        if (content != null) {
            return new AttachmentSpec(filename, contentType, base64(content, fields.pointer("content")), null,
                    fields.at());
        }
        return new AttachmentSpec(filename, contentType, null, httpUrl(url, fields.pointer("url")),
                fields.at());
    }

    private static byte[] base64(String content, String field) throws BulkRequestRejectedException {
        try {
            return Base64.getDecoder().decode(content.replaceAll("[\\r\\n\\t ]", ""));
        } catch (IllegalArgumentException e) {
            throw new BulkRequestRejectedException(Rejection.Reason.ATTACHMENT, field, "not base64: "
                    + e.getMessage());
        }
    }

    private static URI httpUrl(String url, String field) throws BulkRequestRejectedException {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            throw new BulkRequestRejectedException(Rejection.Reason.ATTACHMENT, field, "not a URL: " + url);
        }
        throw new BulkRequestRejectedException(Rejection.Reason.ATTACHMENT, field, "only http and https URLs: " + url);
    }

    private SendRequest rawRequest(RequestFields root, MessageTags tags, Instant notAfter)
            throws BulkRequestRejectedException {
        RequestFields envelope = new RequestFields(root.get("envelope"), "/envelope");
        envelope.onlyKnown(Set.of("from", "recipients"));
        NamedAddress from = new NamedAddress(RequestFields.mailbox(envelope.get("from"), "/envelope/from"), null);
        JsonNode list = envelope.get("recipients");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw RequestFields.schema("/envelope/recipients", "must be a non-empty array of addresses");
        }
        if (list.size() > settings.maxRecipients()) {
            throw new BulkRequestRejectedException(Rejection.Reason.SIZE, "/envelope/recipients",
                    list.size() + " recipients exceed the limit of " + settings.maxRecipients());
        }
        List<RequestRecipient> recipients = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String address = RequestFields.mailbox(list.get(i), "/envelope/recipients/" + i);
            recipients.add(new RequestRecipient(new NamedAddress(address, null), Map.of()));
        }
        String encoded = root.optionalText("message", MAX_TEXT);
        if (encoded == null) {
            throw new BulkRequestRejectedException(Rejection.Reason.BODY, "/message", "is required");
        }
        byte[] message = RawMessageCheck.check(base64Message(encoded), settings.maxMessageBytes());
        return new SendRequest(SendRequest.SCHEMA, tags, notAfter, from, recipients, new MessageContent.Raw(message));
    }

    private static byte[] base64Message(String encoded) throws BulkRequestRejectedException {
        try {
            return Base64.getDecoder().decode(encoded.replaceAll("[\\r\\n\\t ]", ""));
        } catch (IllegalArgumentException e) {
            throw RequestFields.schema("/message", "must be the message in base64: " + e.getMessage());
        }
    }

    /** Every top-level member a request may have, in either form. */
    static Set<String> knownMembers() {
        return union(COMMON, union(COMPOSED, RAW));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
