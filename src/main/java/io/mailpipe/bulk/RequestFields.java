package io.mailpipe.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailpipe.smtp.Mailboxes;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed reading of one JSON object of a send request, each failure a {@link Rejection} naming the field by its JSON
 * Pointer (RFC 6901): text without control characters, RFC 3339 times, string maps, and mailboxes checked with the
 * SMTP mailbox syntax (RFC 5321 §4.1.2 with RFC 6531 §3.3 UTF-8), so what is accepted here SMTP accepts too.
 */
final class RequestFields {

    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final JsonNode node;
    private final String pointer;

    RequestFields(JsonNode node, String pointer) throws BulkRequestRejectedException {
        if (node == null || !node.isObject()) {
            throw schema(pointer, "must be a JSON object");
        }
        this.node = node;
        this.pointer = pointer;
    }

    /** The JSON Pointer of this object. */
    String at() {
        return pointer;
    }

    String pointer(String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    boolean has(String name) {
        return node.has(name) && !node.get(name).isNull();
    }

    JsonNode get(String name) {
        return node.get(name);
    }

    /** Refuses any member not in {@code known}: a misspelt field must not be silently ignored. */
    void onlyKnown(Set<String> known) throws BulkRequestRejectedException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw schema(pointer(name), "unknown field");
            }
        }
    }

    /** A string member or null when absent; control characters other than tab, CR and LF are refused. */
    String optionalText(String name, int maxLength) throws BulkRequestRejectedException {
        if (!has(name)) {
            return null;
        }
        JsonNode value = node.get(name);
        if (!value.isTextual()) {
            throw schema(pointer(name), "must be a string");
        }
        String text = value.asText();
        if (text.length() > maxLength) {
            throw new BulkRequestRejectedException(Rejection.Reason.SIZE, pointer(name),
                    "longer than " + maxLength + " characters");
        }
        if (text.chars().anyMatch(c -> (c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f)) {
            throw schema(pointer(name), "contains control characters");
        }
        return text;
    }

    /** A one-line string (no CR or LF, as it ends up in a header field or a Kafka key) or null. */
    String optionalLine(String name, int maxLength) throws BulkRequestRejectedException {
        String text = optionalText(name, maxLength);
        if (text != null && (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0 || text.isEmpty())) {
            throw schema(pointer(name), "must be a non-empty single line");
        }
        return text;
    }

    Instant optionalInstant(String name) throws BulkRequestRejectedException {
        String text = optionalLine(name, 64);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw schema(pointer(name), "must be an RFC 3339 date-time such as 2026-11-24T08:00:00Z");
        }
    }

    /** An object of template variables: names of letters, digits, '_', '.', '-'; string, number or boolean values. */
    Map<String, String> variables(String name) throws BulkRequestRejectedException {
        Map<String, String> variables = new LinkedHashMap<>();
        if (!has(name)) {
            return variables;
        }
        RequestFields object = new RequestFields(node.get(name), pointer(name));
        for (Iterator<Map.Entry<String, JsonNode>> it = object.node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!VARIABLE_NAME.matcher(entry.getKey()).matches()) {
                throw schema(object.pointer(entry.getKey()), "variable names are letters, digits, '_', '.', '-'");
            }
            if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
                throw schema(object.pointer(entry.getKey()), "must be a string, number or boolean");
            }
            variables.put(entry.getKey(), entry.getValue().asText());
        }
        return variables;
    }

    /** A mailbox given as a string, canonicalised; {@code field} is its pointer. */
    static String mailbox(JsonNode value, String field) throws BulkRequestRejectedException {
        if (value == null || !value.isTextual()) {
            throw schema(field, "must be an email address string");
        }
        return Mailboxes.canonicalMailbox(value.asText()).orElseThrow(() -> new BulkRequestRejectedException(
                Rejection.Reason.ADDRESS, field, "not a valid mailbox: " + value.asText()));
    }

    /** A mailbox as a string or as {"address": ..., "name": ...}. */
    static NamedAddress namedAddress(JsonNode value, String field) throws BulkRequestRejectedException {
        if (value != null && value.isTextual()) {
            return new NamedAddress(mailbox(value, field), null);
        }
        RequestFields object = new RequestFields(value, field);
        object.onlyKnown(Set.of("address", "name", "variables"));
        return new NamedAddress(mailbox(object.get("address"), object.pointer("address")),
                object.optionalLine("name", 256));
    }

    static BulkRequestRejectedException schema(String field, String message) {
        return new BulkRequestRejectedException(Rejection.Reason.SCHEMA, field, message);
    }
}
