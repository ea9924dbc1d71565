package io.mailpipe.spf;

import java.util.List;

/**
 * A parsed macro-string (RFC 7208 §7.1): literal text and macro terms, ready to expand. {@code source} keeps the
 * text as written, for diagnostics and Received-SPF.
 */
record MacroString(String source, List<Part> parts) {

    MacroString {
        parts = List.copyOf(parts);
    }

    /** One piece of a macro-string. */
    sealed interface Part permits Literal, Term {
    }

    /** Literal text, with %%, %_ and %- already turned into "%", " " and "%20". */
    record Literal(String text) implements Part {
    }

    /**
     * One {@code %{...}} macro: the letter (lower case), whether to URL-escape it (upper-case letter), how many
     * right-hand parts to keep (0 for all), whether to reverse, and the delimiters to split on.
     */
    record Term(char letter, boolean urlEscape, int keep, boolean reverse, String delimiters) implements Part {
    }

    /** True if any term uses the letter, such as {@code p} that needs a DNS lookup before expanding. */
    boolean uses(char letter) {
        for (Part part : parts) {
            if (part instanceof Term t && t.letter() == letter) {
                return true;
            }
        }
        return false;
    }

    /** True if the string ends in a macro term (which satisfies the domain-end rule of §7.1 by itself). */
    boolean endsWithTerm() {
        return !parts.isEmpty() && parts.get(parts.size() - 1) instanceof Term;
    }
}
