package io.mailpipe.smtp.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Enhanced mail system status codes on the client side (RFC 3463 §2, RFC 2034 §4): the code found at the start of a
 * reply's text when its class agrees with the basic reply code, or the generic "X.0.0" of the basic code's class.
 */
public final class EnhancedStatus {

    private static final Pattern LEADING = Pattern.compile("^([245])\\.(\\d{1,3})\\.(\\d{1,3})(?:\\s+|$)");

    private EnhancedStatus() {
    }

    /** The enhanced status at the start of {@code text} whose class matches {@code code}, or null. */
    public static String parse(int code, String text) {
        Matcher m = LEADING.matcher(text);
        if (!m.find() || m.group(1).charAt(0) - '0' != code / 100) {
            return null;
        }
        return m.group(1) + "." + m.group(2) + "." + m.group(3);
    }

    /** The text after a leading enhanced status code, or the text itself when it has none. */
    public static String stripLeading(String text) {
        Matcher m = LEADING.matcher(text);
        return m.find() ? text.substring(m.end()) : text;
    }

    /** "2.0.0", "4.0.0" or "5.0.0" for the class of a basic reply code (RFC 3463 §3.1). */
    public static String derive(int code) {
        return (code / 100) + ".0.0";
    }
}
