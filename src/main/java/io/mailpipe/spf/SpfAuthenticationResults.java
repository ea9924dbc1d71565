package io.mailpipe.spf;

import java.util.List;

/**
 * Builds the {@code spf=} result clause of an Authentication-Results header field (RFC 8601 §2.7.2, result names
 * §2.7.2 and RFC 7208 §2.6): {@code spf=<result> (comment) smtp.mailfrom=<domain>} for the MAIL FROM identity,
 * {@code smtp.helo=<name>} for HELO; and a whole field for one authserv-id (RFC 8601 §2.2).
 */
public final class SpfAuthenticationResults {

    public static final String FIELD_NAME = "Authentication-Results";

    private SpfAuthenticationResults() {
    }

    /** The resinfo clause, such as {@code spf=pass smtp.mailfrom=example.com}. */
    public static String clause(SpfResult result, SpfRequest request) {
        String property = result.identity().authResultsProperty();
        String value = result.identity() == SpfIdentity.HELO ? request.helo() : domainOf(result.sender());
        StringBuilder out = new StringBuilder("spf=").append(result.outcome().keyword());
        String reason = result.problem().isEmpty() ? "" : result.problem();
        if (!reason.isEmpty()) {
            out.append(" (").append(ReceivedSpfField.comment(reason)).append(')');
        }
        return out.append(' ').append(property).append('=').append(ReceivedSpfField.value(value)).toString();
    }

    /** A complete field {@code Authentication-Results: id; clause}, folded, ending in CRLF. */
    public static String field(String authservId, SpfResult result, SpfRequest request) {
        return ReceivedSpfField.fold(List.of(FIELD_NAME + ": " + authservId + ";", clause(result, request)));
    }

    private static String domainOf(String sender) {
        int at = sender.lastIndexOf('@');
        return at < 0 ? sender : sender.substring(at + 1);
    }
}
