package io.mailpipe.feedback;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A pattern over RFC 3463 enhanced status codes (class.subject.detail, §2): each part is a number or {@code *}
 * (any), and the class may also be {@code x} (either failure class, 4 or 5). Examples: {@code 5.1.1},
 * {@code x.2.2}, {@code x.7.*}, {@code 4.*.*}.
 */
public record StatusPattern(String text, String statusClass, String subject, String detail) {

    private static final Pattern SYNTAX = Pattern.compile("([245x*])\\.(\\d{1,3}|\\*)\\.(\\d{1,3}|\\*)");
    private static final Pattern STATUS = Pattern.compile("([245])\\.(\\d{1,3})\\.(\\d{1,3})");

    /** Parses a pattern; throws IllegalArgumentException naming what is wrong. */
    public static StatusPattern parse(String text) {
        var matcher = SYNTAX.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("status pattern '" + text
                    + "' is not class.subject.detail (class 2, 4, 5, x or *; subject and detail a number or *)");
        }
        return new StatusPattern(text.trim(), matcher.group(1), matcher.group(2), matcher.group(3));
    }

    /** Whether an enhanced status code (null: none) matches. */
    public boolean matches(String enhancedStatus) {
        if (enhancedStatus == null) {
            return false;
        }
        var status = STATUS.matcher(enhancedStatus.trim());
        if (!status.matches()) {
            return false;
        }
        return classMatches(status.group(1)) && partMatches(subject, status.group(2))
                && partMatches(detail, status.group(3));
    }

    private boolean classMatches(String actual) {
        return switch (statusClass) {
            case "*" -> true;
            case "x" -> !actual.equals("2");
            default -> statusClass.equals(actual);
        };
    }

    private static boolean partMatches(String wanted, String actual) {
        return wanted.equals("*") || Integer.parseInt(wanted) == Integer.parseInt(actual);
    }
}
