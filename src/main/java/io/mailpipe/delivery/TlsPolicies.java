package io.mailpipe.delivery;

import io.mailpipe.smtp.client.TlsPolicy;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The STARTTLS policy per recipient domain (RFC 3207; levels of {@link TlsPolicy}): a default, opportunistic unless
 * configured otherwise (RFC 7435), and exceptions for named domains.
 */
public record TlsPolicies(TlsPolicy defaultPolicy, Map<String, TlsPolicy> perDomain) {

    public TlsPolicies {
        perDomain = perDomain.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
    }

    public static TlsPolicies opportunistic() {
        return new TlsPolicies(TlsPolicy.OPPORTUNISTIC, Map.of());
    }

    /** The policies as the {@code tlsPolicy} and {@code tlsPolicies} options of {@code mx:} write them. */
    public static TlsPolicies parse(String defaultPolicy, String perDomain) {
        return new TlsPolicies(parsePolicy(defaultPolicy), parseMap(perDomain));
    }

    public TlsPolicy policyFor(String domain) {
        return perDomain.getOrDefault(domain.toLowerCase(Locale.ROOT), defaultPolicy);
    }

    /** Parses "domain=POLICY,domain=POLICY" (policy names case-insensitive, "-" or "_" accepted). */
    public static Map<String, TlsPolicy> parseMap(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        return java.util.Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(entry -> entry.split("=", 2))
                .collect(Collectors.toUnmodifiableMap(kv -> kv[0].trim(), kv -> parsePolicy(kv[1])));
    }

    public static TlsPolicy parsePolicy(String name) {
        return TlsPolicy.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
