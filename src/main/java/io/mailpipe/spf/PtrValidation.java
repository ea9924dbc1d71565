package io.mailpipe.spf;

import io.mailpipe.dns.DnsAnswer;
import io.mailpipe.dns.Resolver;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The validated-domain-name procedure shared by the ptr mechanism (RFC 7208 §5.5) and the {@code p} macro (§7.3):
 * PTR lookup of the client address, then forward lookups of at most the first 10 names; a name is validated when
 * one of its addresses is the client's. DNS errors on the PTR or forward lookups just drop the names concerned.
 */
final class PtrValidation {

    private PtrValidation() {
    }

    static CompletionStage<List<String>> validatedNames(Resolver resolver, InetAddress client, int maxNames) {
        return resolver.lookupPtr(client).thenCompose(answer -> validate(resolver, client, answer, maxNames));
    }

    /** The PTR answer's first names, each kept only if it resolves back to the client. */
    static CompletionStage<List<String>> validate(Resolver resolver, InetAddress client, DnsAnswer<String> answer,
            int maxNames) {
        if (!answer.isFound()) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<String> names = answer.records().subList(0, Math.min(maxNames, answer.records().size()));
        boolean ipv6 = client instanceof Inet6Address;
        List<CompletableFuture<DnsAnswer<InetAddress>>> lookups = new ArrayList<>();
        for (String name : names) {
            lookups.add(resolver.lookupAddresses(name, ipv6).toCompletableFuture());
        }
        return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<String> validated = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (lookups.get(i).join().records().contains(client)) {
                    validated.add(names.get(i));
                }
            }
            return validated;
        });
    }

    /** True if {@code name} is {@code target} or a subdomain of it, case-insensitively. */
    static boolean isAtOrBelow(String name, String target) {
        String n = name.toLowerCase(Locale.ROOT);
        String t = target.toLowerCase(Locale.ROOT);
        if (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        return n.equals(t) || n.endsWith("." + t);
    }

    /** The name for {@code %{p}}: the domain itself, else a subdomain of it, else any validated name (§7.3). */
    static String preferredName(List<String> validated, String domain) {
        for (String name : validated) {
            if (name.equalsIgnoreCase(domain)) {
                return name;
            }
        }
        for (String name : validated) {
            if (isAtOrBelow(name, domain)) {
                return name;
            }
        }
        return validated.isEmpty() ? "unknown" : validated.get(0);
    }
}
