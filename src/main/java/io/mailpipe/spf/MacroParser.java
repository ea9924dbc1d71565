package io.mailpipe.spf;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses macro-strings per the ABNF of RFC 7208 §7.1: {@code %{letter [digits] [r] *delimiter}}, the escapes
 * {@code %%}, {@code %_}, {@code %-}, and macro-literals (visible ASCII except %). Explanation strings (§6.2) also
 * admit spaces and the letters c, r and t (§7.2).
 */
final class MacroParser {

    private static final String DOMAIN_LETTERS = "slodiphv";
    private static final String EXPLANATION_LETTERS = "slodiphvcrt";
    private static final String DELIMITERS = ".-+,/_=";
    private static final int MAX_KEEP = 128;

    private MacroParser() {
    }

    static MacroString parse(String text, boolean explanation) throws SpfSyntaxException {
        List<MacroString.Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '%') {
                checkLiteral(c, explanation, text);
                literal.append(c);
                i++;
                continue;
            }
            if (i + 1 >= text.length()) {
                throw new SpfSyntaxException("'%' at the end of " + text);
            }
            char next = text.charAt(i + 1);
            switch (next) {
                case '%' -> literal.append('%');
                case '_' -> literal.append(' ');
                case '-' -> literal.append("%20");
                case '{' -> {
                    flush(literal, parts);
                    int close = text.indexOf('}', i + 2);
                    if (close < 0) {
                        throw new SpfSyntaxException("unterminated macro in " + text);
                    }
                    parts.add(parseTerm(text.substring(i + 2, close), explanation));
                    i = close + 1;
                    continue;
                }
                default -> throw new SpfSyntaxException("invalid macro escape '%" + next + "' in " + text);
            }
            i += 2;
        }
        flush(literal, parts);
        return new MacroString(text, parts);
    }

    private static void checkLiteral(char c, boolean explanation, String text) throws SpfSyntaxException {
        boolean visible = c >= 0x21 && c <= 0x7E;
        if (!visible && !(explanation && c == ' ')) {
            throw new SpfSyntaxException("character 0x" + Integer.toHexString(c) + " not allowed in " + text);
        }
    }

    private static void flush(StringBuilder literal, List<MacroString.Part> parts) {
        if (literal.length() > 0) {
            parts.add(new MacroString.Literal(literal.toString()));
            literal.setLength(0);
        }
    }

    private static MacroString.Term parseTerm(String body, boolean explanation) throws SpfSyntaxException {
        if (body.isEmpty()) {
            throw new SpfSyntaxException("empty macro %{}");
        }
        char letter = body.charAt(0);
        char lower = Character.toLowerCase(letter);
        String allowed = explanation ? EXPLANATION_LETTERS : DOMAIN_LETTERS;
        if (letter > 0x7F || allowed.indexOf(lower) < 0) {
            throw new SpfSyntaxException("unknown macro letter '" + letter + "'");
        }
        int i = 1;
        while (i < body.length() && body.charAt(i) >= '0' && body.charAt(i) <= '9') {
            i++;
        }
        int keep = parseKeep(body.substring(1, i));
        boolean reverse = i < body.length() && (body.charAt(i) == 'r' || body.charAt(i) == 'R');
        if (reverse) {
            i++;
        }
        String delimiters = body.substring(i);
        for (char d : delimiters.toCharArray()) {
            if (DELIMITERS.indexOf(d) < 0) {
                throw new SpfSyntaxException("invalid macro delimiter '" + d + "' in %{" + body + "}");
            }
        }
        return new MacroString.Term(lower, Character.isUpperCase(letter), keep, reverse,
                delimiters.isEmpty() ? "." : delimiters);
    }

    private static int parseKeep(String digits) throws SpfSyntaxException {
        if (digits.isEmpty()) {
            return 0;
        }
        String trimmed = digits.replaceFirst("^0+", "");
        if (trimmed.isEmpty()) {
            throw new SpfSyntaxException("macro transformer digits must be nonzero");
        }
        return trimmed.length() > 3 ? MAX_KEEP : Math.min(Integer.parseInt(trimmed), MAX_KEEP);
    }
}
