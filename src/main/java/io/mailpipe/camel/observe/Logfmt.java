package io.mailpipe.camel.observe;

/**
 * Builds one log line of {@code key=value} pairs (the logfmt convention): values with spaces, quotes, '=' or
 * control characters, and empty values, are double-quoted with backslash escapes; null values are left out.
 */
public final class Logfmt {

    private final StringBuilder line = new StringBuilder();

    public static Logfmt line() {
        return new Logfmt();
    }

    public Logfmt add(String key, Object value) {
        if (value == null) {
            return this;
        }
        if (!line.isEmpty()) {
            line.append(' ');
        }
        line.append(key).append('=');
        appendValue(String.valueOf(value));
        return this;
    }

    private void appendValue(String value) {
        if (!needsQuotes(value)) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> line.append(c < 0x20 ? ' ' : c);
            }
        }
        line.append('"');
    }

    private static boolean needsQuotes(String value) {
        if (value.isEmpty()) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return line.toString();
    }
}
