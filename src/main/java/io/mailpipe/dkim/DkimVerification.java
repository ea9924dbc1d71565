package io.mailpipe.dkim;

import java.util.List;

/** All per-signature results for one message, in header order (RFC 6376 §6.1; RFC 8601 reports each). */
public record DkimVerification(List<DkimResult> results) {

    public DkimVerification {
        results = List.copyOf(results);
    }

    public boolean anyPass() {
        return results.stream().anyMatch(r -> r.status() == DkimStatus.PASS);
    }

    /** True when the message carries no DKIM-Signature field (result "none", RFC 8601 §2.7.1). */
    public boolean unsigned() {
        return results.isEmpty();
    }
}
