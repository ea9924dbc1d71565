package io.mailpipe.spf;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@code Received-SPF:} header field of RFC 7208 §9.1: the result keyword, a comment, then the
 * key-value pairs client-ip, envelope-from, helo, receiver, identity and, where known, mechanism or problem.
 * Values that are not dot-atoms are written as quoted-strings (RFC 5322 §3.2.4); the field is folded between
 * pairs so lines stay under 78 characters where possible (RFC 5322 §2.2.3).
 */
public final class ReceivedSpfField {

    public static final String NAME = "Received-SPF";
    private static final int FOLD_AT = 78;

    private ReceivedSpfField() {
    }

    /** The field as one header line, folded, ending in CRLF. */
    public static String build(SpfResult result, SpfRequest request, String receiver) {
        List<String> parts = new ArrayList<>();
        parts.add(NAME + ": " + result.outcome().keyword());
        parts.add("(" + comment(receiver + ": " + result.comment()) + ")");
        parts.add("client-ip=" + request.clientIp().getHostAddress() + ";");
        parts.add("envelope-from=" + value(result.sender()) + ";");
        parts.add("helo=" + value(request.helo()) + ";");
        parts.add("receiver=" + value(receiver) + ";");
        parts.add("identity=" + result.identity().receivedSpfName() + ";");
        if (!result.mechanism().isEmpty()) {
            parts.add("mechanism=" + value(result.mechanism()) + ";");
        }
        if (!result.problem().isEmpty()) {
            parts.add("problem=" + value(result.problem()) + ";");
        }
        return fold(parts);
    }

    static String fold(List<String> parts) {
        StringBuilder out = new StringBuilder(parts.get(0));
        int lineLength = out.length();
        for (String part : parts.subList(1, parts.size())) {
            if (lineLength + 1 + part.length() > FOLD_AT) {
                out.append("\r\n\t");
                lineLength = 1;
            } else {
                out.append(' ');
                lineLength++;
            }
            out.append(part);
            lineLength += part.length();
        }
        return out.append("\r\n").toString();
    }

    /** A dot-atom as is, anything else as a quoted-string with backslash escapes. */
    static String value(String text) {
        if (!text.isEmpty() && text.chars().allMatch(ReceivedSpfField::isAtext) && !text.startsWith(".")
                && !text.endsWith(".") && !text.contains("..")) {
            return text;
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c >= 0x20 && c != 0x7F ? c : '?');
        }
        return out.append('"').toString();
    }

    /** Text safe inside a comment: parentheses and backslashes escaped, controls replaced. */
    static String comment(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '(' || c == ')' || c == '\\') {
                out.append('\\');
            }
            out.append(c >= 0x20 && c != 0x7F ? c : '?');
        }
        return out.toString();
    }

    private static boolean isAtext(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                || "!#$%&'*+-/=?^_`{|}~@:".indexOf(c) >= 0;
    }
}
