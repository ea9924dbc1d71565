package io.mailpipe.spf;

import java.net.InetAddress;

/**
 * The eight mechanisms of RFC 7208 §5, as parsed: domain-specs are unexpanded {@link MacroString}s ({@code null}
 * meaning "the current domain"), CIDR lengths default to 32 and 128 (§5.6).
 */
sealed interface Mechanism {

    /** True for mechanisms that query DNS and count against the limit of §4.6.4. */
    default boolean queriesDns() {
        return true;
    }

    /** §5.1: always matches. */
    record All() implements Mechanism {
        @Override
        public boolean queriesDns() {
            return false;
        }
    }

    /** §5.2: matches when the target's policy passes. */
    record Include(MacroString domain) implements Mechanism {
    }

    /** §5.3: matches when an address of the target is in the client's network. */
    record A(MacroString domain, int cidr4, int cidr6) implements Mechanism {
    }

    /** §5.4: matches when an address of one of the target's MX hosts is in the client's network. */
    record Mx(MacroString domain, int cidr4, int cidr6) implements Mechanism {
    }

    /** §5.5: matches when a validated reverse name of the client is the target or under it. */
    record Ptr(MacroString domain) implements Mechanism {
    }

    /** §5.6: ip4 and ip6, matching the client's address against a network. */
    record Ip(InetAddress network, int prefix) implements Mechanism {
        @Override
        public boolean queriesDns() {
            return false;
        }
    }

    /** §5.7: matches when the target has any A record. */
    record Exists(MacroString domain) implements Mechanism {
    }
}
