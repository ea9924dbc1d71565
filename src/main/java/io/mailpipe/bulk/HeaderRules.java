package io.mailpipe.bulk;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The header fields a send request may add. Names are RFC 5322 §3.6.8 field names (printable US-ASCII but ":"),
 * values single lines. mailpipe writes the structural fields itself and refuses them here, so a request cannot
 * produce a message with two of them or with a MIME structure that contradicts its body (RFC 5322 §3.6 allows one
 * Date, From, Sender, Message-ID, Subject; RFC 2045 §3-6 the MIME fields): {@value #REFUSED_TEXT}. Bcc is refused
 * because it would show every blind recipient to all. To, Cc and Reply-To may be set; they change what the message
 * shows, never who receives it (that is the recipients list).
 */
final class HeaderRules {

    static final String REFUSED_TEXT = "MIME-Version, Content-*, Message-ID, Date, From, Sender, Subject, Bcc, "
            + "Return-Path, Received, DKIM-Signature";
    private static final Set<String> REFUSED = Set.of("mime-version", "message-id", "date", "from", "sender",
            "subject", "bcc", "return-path", "received", "dkim-signature");
    private static final int MAX_VALUE = 4000;

    private HeaderRules() {
    }

    /** The "headers" object of a request, in request order; empty when absent. */
    static Map<String, String> headers(RequestFields root) throws BulkRequestRejectedException {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!root.has("headers")) {
            return headers;
        }
        RequestFields object = new RequestFields(root.get("headers"), "/headers");
        for (Iterator<String> names = root.get("headers").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String field = object.pointer(name);
            if (!isFieldName(name)) {
                throw RequestFields.schema(field, "not a header field name");
            }
            if (isRefused(name)) {
                throw RequestFields.schema(field, "set by mailpipe; a request may not set " + REFUSED_TEXT);
            }
            String value = object.optionalLine(name, MAX_VALUE);
            if (value == null) {
                throw RequestFields.schema(field, "must be a string");
            }
            headers.put(name, value);
        }
        return headers;
    }

    static boolean isRefused(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return REFUSED.contains(lower) || lower.startsWith("content-");
    }

    private static boolean isFieldName(String name) {
        return !name.isEmpty() && name.length() <= 76
                && name.chars().allMatch(c -> c >= 33 && c <= 126 && c != ':');
    }
}
