package io.mailpipe.spf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Expands a parsed {@link MacroString} (RFC 7208 §7.3, §7.4): splits a letter's value on the delimiters, reverses
 * when asked, keeps the right-most parts, joins them with dots, and URL-escapes upper-case letters (RFC 3986
 * §2.1). Output longer than the configured cap aborts with permerror, so a hostile record cannot build huge
 * strings.
 */
final class MacroExpander {

    private final int maxLength;

    MacroExpander(int maxLength) {
        this.maxLength = maxLength;
    }

    String expand(MacroString macro, MacroContext context) {
        StringBuilder out = new StringBuilder();
        for (MacroString.Part part : macro.parts()) {
            if (part instanceof MacroString.Literal literal) {
                out.append(literal.text());
            } else {
                out.append(expandTerm((MacroString.Term) part, context));
            }
            if (out.length() > maxLength) {
                throw SpfAbort.permerror("macro expansion longer than " + maxLength + " characters");
            }
        }
        return out.toString();
    }

    private String expandTerm(MacroString.Term term, MacroContext context) {
        String value = context.value(term.letter());
        if (value.length() > maxLength) {
            throw SpfAbort.permerror("macro value longer than " + maxLength + " characters");
        }
        List<String> parts = split(value, term.delimiters());
        if (term.reverse()) {
            Collections.reverse(parts);
        }
        if (term.keep() > 0 && term.keep() < parts.size()) {
            parts = parts.subList(parts.size() - term.keep(), parts.size());
        }
        String joined = String.join(".", parts);
        return term.urlEscape() ? urlEscape(joined) : joined;
    }

    private static List<String> split(String value, String delimiters) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            if (delimiters.indexOf(value.charAt(i)) >= 0) {
                parts.add(value.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(value.substring(start));
        return parts;
    }

    private static String urlEscape(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (unreserved) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
