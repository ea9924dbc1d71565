package io.mailpipe.smtp;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Splits Mail-parameters / Rcpt-parameters (RFC 5321 §4.1.2): esmtp-param *(SP esmtp-param), each
 * esmtp-keyword ["=" esmtp-value]. Keywords are upper-cased; a keyword given twice is a syntax error (501).
 * Values may hold UTF-8 (RFC 6531 §3.3). Runs of spaces between parameters are tolerated.
 */
final class EsmtpParameters {

    private EsmtpParameters() {
    }

    /** Keyword (upper case) to value; the value is null for a keyword given without "=". */
    static Map<String, String> parse(String text) throws SmtpSyntaxException {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String parameter : text.strip().split(" +")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String keyword = (equals < 0 ? parameter : parameter.substring(0, equals)).toUpperCase(Locale.ROOT);
            String value = equals < 0 ? null : parameter.substring(equals + 1);
            if (!isKeyword(keyword) || (value != null && !isValue(value)) || parameters.containsKey(keyword)) {
                throw new SmtpSyntaxException(SmtpReplies.SYNTAX_PARAMETERS);
            }
            parameters.put(keyword, value);
        }
        return parameters;
    }

    /** esmtp-keyword = (ALPHA / DIGIT) *(ALPHA / DIGIT / "-"). */
    private static boolean isKeyword(String keyword) {
        return !keyword.isEmpty() && keyword.charAt(0) != '-'
                && keyword.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-');
    }

    /** esmtp-value = 1*(%d33-60 / %d62-126), plus UTF8-non-ascii. */
    private static boolean isValue(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> (c >= 33 && c <= 126 && c != '=') || c >= 0x80);
    }

    /** The value of a parameter that requires one. */
    static String requireValue(String value) throws SmtpSyntaxException {
        if (value == null) {
            throw new SmtpSyntaxException(SmtpReplies.SYNTAX_PARAMETERS);
        }
        return value;
    }

    /** True if {@code text} holds a control character (would let a decoded value inject lines into a DSN). */
    static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
    }
}
