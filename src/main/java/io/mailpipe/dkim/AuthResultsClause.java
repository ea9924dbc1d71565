package io.mailpipe.dkim;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the {@code dkim=} resinfo clauses of an Authentication-Results field (RFC 8601 §2.2, §2.7.1): result,
 * a reason for anything but pass, and the header.d, header.s, header.a and header.b properties (RFC 6008 §4). A
 * message without signatures gives {@code dkim=none}. Values that are not RFC 2045 tokens are quoted.
 */
public final class AuthResultsClause {

    private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";

    private AuthResultsClause() {
    }

    public static List<String> clauses(DkimVerification verification) {
        if (verification.unsigned()) {
            return List.of("dkim=none");
        }
        List<String> clauses = new ArrayList<>(verification.results().size());
        for (DkimResult result : verification.results()) {
            clauses.add(clause(result));
        }
        return clauses;
    }

    public static String clause(DkimResult result) {
        StringBuilder out = new StringBuilder("dkim=").append(result.status().keyword());
        String reason = reason(result);
        if (!reason.isEmpty()) {
            out.append(" reason=").append(quoted(reason));
        }
        if (!result.domain().isEmpty()) {
            out.append(" header.d=").append(result.domain());
            out.append(" header.s=").append(value(result.selector()));
            out.append(" header.a=").append(result.algorithm());
            out.append(" header.b=").append(value(result.headerB()));
        }
        return out.toString();
    }

    private static String reason(DkimResult result) {
        if (result.status() == DkimStatus.PASS) {
            return result.bodyLengthLimited() ? result.reason() : "";
        }
        return result.reason();
    }

    static String value(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c >= 0x7f || TSPECIALS.indexOf(c) >= 0) {
                return quoted(text);
            }
        }
        return text.isEmpty() ? "\"\"" : text;
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c < ' ' || c == 0x7f ? ' ' : c);
        }
        return out.append('"').toString();
    }
}
