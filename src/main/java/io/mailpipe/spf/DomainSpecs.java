package io.mailpipe.spf;

/**
 * Parses a domain-spec (RFC 7208 §7.1: {@code macro-string domain-end}), where domain-end is either a macro term
 * or a dot followed by a top label that is not all-numeric (§7.1 toplabel, RFC 3696 §2), optionally followed by
 * a final dot.
 */
final class DomainSpecs {

    private DomainSpecs() {
    }

    static MacroString parse(String text) throws SpfSyntaxException {
        MacroString spec = MacroParser.parse(text, false);
        if (spec.endsWithTerm() || text.endsWith("%%") || text.endsWith("%-") || text.endsWith("%_")) {
            return spec;
        }
        String trimmed = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        int dot = trimmed.lastIndexOf('.');
        if (dot < 0 || !isTopLabel(trimmed.substring(dot + 1))) {
            throw new SpfSyntaxException("domain-spec does not end in a valid top label: " + text);
        }
        return spec;
    }

    /** toplabel: letters, digits and inner hyphens, not all digits (§7.1). */
    static boolean isTopLabel(String label) {
        if (label.isEmpty() || label.startsWith("-") || label.endsWith("-")) {
            return false;
        }
        boolean hasLetter = false;
        for (char c : label.toCharArray()) {
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!letter && !(c >= '0' && c <= '9') && c != '-') {
                return false;
            }
            hasLetter |= letter;
        }
        return hasLetter || label.indexOf('-') > 0;
    }
}
