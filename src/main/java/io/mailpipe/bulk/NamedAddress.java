package io.mailpipe.bulk;

import java.util.Objects;

/**
 * A mailbox with an optional display name (RFC 5322 §3.4 name-addr): {@code address} is the canonical SMTP mailbox
 * (RFC 5321 §4.1.2, UTF-8 allowed per RFC 6531), {@code name} the display name or null.
 */
public record NamedAddress(String address, String name) {

    public NamedAddress {
        Objects.requireNonNull(address, "address");
    }

    /** The domain after the last "@". */
    public String domain() {
        return address.substring(address.lastIndexOf('@') + 1);
    }
}
