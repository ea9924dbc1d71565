package io.mailpipe.camel.support;

import org.apache.camel.Exchange;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps one Authentication-Results field (RFC 8601 §2.2) per authserv-id at the top of the message: each check
 * (spf:check, dkim:verify) adds its resinfo clause and the field is rewritten in place instead of a second field
 * being added. The clauses collected so far live in an exchange property named after the authserv-id.
 */
public final class AuthenticationResults {

    private static final String FIELD = "Authentication-Results";
    private static final String PROPERTY_PREFIX = "MailpipeAuthenticationResults:";
    private static final int FOLD_AT = 76;

    private AuthenticationResults() {
    }

    /** Adds {@code clause} (e.g. {@code spf=pass smtp.mailfrom=example.org}) to the field for {@code authservId}. */
    public static void addClause(Exchange exchange, String authservId, String clause) {
        String property = PROPERTY_PREFIX + authservId;
        @SuppressWarnings("unchecked")
        List<String> clauses = exchange.getProperty(property, List.class);
        List<String> updated = clauses == null ? new ArrayList<>() : new ArrayList<>(clauses);
        updated.add(clause);
        exchange.setProperty(property, List.copyOf(updated));
        RawMessage message = RawMessages.body(exchange);
        exchange.getMessage().setBody(message.withTopField(FIELD + ":" + authservId, render(authservId, updated)));
    }

    /** All clauses added so far for {@code authservId}, in order. */
    public static List<String> clauses(Exchange exchange, String authservId) {
        @SuppressWarnings("unchecked")
        List<String> clauses = exchange.getProperty(PROPERTY_PREFIX + authservId, List.class);
        return clauses == null ? List.of() : clauses;
    }

    static byte[] render(String authservId, List<String> clauses) {
        StringBuilder field = new StringBuilder(FIELD).append(": ").append(authservId);
        int lineLength = field.length();
        for (String clause : clauses) {
            field.append(';');
            if (lineLength + clause.length() + 2 > FOLD_AT) {
                field.append("\r\n\t");
                lineLength = 1;
            } else {
                field.append(' ');
                lineLength += 2;
            }
            field.append(clause);
            lineLength += clause.length();
        }
        return field.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
