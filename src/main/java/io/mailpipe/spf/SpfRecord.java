package io.mailpipe.spf;

import java.util.List;

/**
 * A parsed SPF record (RFC 7208 §4.6): its directives in order, the {@code redirect} (§6.1) and {@code exp} (§6.2)
 * modifiers or {@code null}; unknown modifiers are dropped after their syntax is checked (§6).
 */
record SpfRecord(List<Directive> directives, MacroString redirect, MacroString exp) {

    SpfRecord {
        directives = List.copyOf(directives);
    }

    /** A qualifier and a mechanism (§4.6.2), with the term as written for diagnostics. */
    record Directive(SpfQualifier qualifier, Mechanism mechanism, String text) {
    }
}
