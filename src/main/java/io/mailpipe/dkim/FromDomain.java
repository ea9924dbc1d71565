package io.mailpipe.dkim;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The domain of the first mailbox in the From field (RFC 5322 §3.6.2, §3.4), which picks the signing domain the
 * way DMARC alignment expects (RFC 7489 §3.1). Only the addr-spec is looked at: the angle-bracketed address when
 * present, otherwise the field value itself, with comments dropped.
 */
public final class FromDomain {

    private FromDomain() {
    }

    public static Optional<String> of(HeaderSection headers) {
        List<HeaderField> from = headers.all("from");
        if (from.isEmpty()) {
            return Optional.empty();
        }
        String value = from.get(0).value().replaceAll("\\([^()]*\\)", " ");
        int open = value.indexOf('<');
        int close = open < 0 ? -1 : value.indexOf('>', open);
        String address = close > open ? value.substring(open + 1, close) : value.split(",")[0];
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String domain = address.substring(at + 1).strip().toLowerCase(Locale.ROOT);
        return domain.isEmpty() ? Optional.empty() : Optional.of(domain);
    }
}
