package io.mailpipe.spf;

import io.mailpipe.dns.DnsAnswer;
import io.mailpipe.dns.MxRecord;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Decides whether one mechanism matches (RFC 7208 §5): all, include (§5.2 result table), a (§5.3), mx (§5.4, at
 * most 10 MX names), ptr (§5.5), ip4/ip6 (§5.6) and exists (§5.7). DNS errors give temperror except for ptr (§5
 * intro, §5.5); empty answers count as void lookups (§4.6.4).
 */
final class MechanismMatcher {

    private final SpfEvaluation evaluation;

    MechanismMatcher(SpfEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    boolean matchesWithoutDns(Mechanism mechanism) {
        if (mechanism instanceof Mechanism.Ip ip) {
            return IpNetworks.contains(ip.network(), ip.prefix(), evaluation.client());
        }
        return mechanism instanceof Mechanism.All;
    }

    CompletionStage<Boolean> matches(Mechanism mechanism, String domain) {
        if (mechanism instanceof Mechanism.Include include) {
            return target(include.domain(), domain).thenCompose(this::include);
        }
        if (mechanism instanceof Mechanism.A a) {
            return target(a.domain(), domain).thenCompose(name -> addressMatch(name, a.cidr4(), a.cidr6()));
        }
        if (mechanism instanceof Mechanism.Mx mx) {
            return target(mx.domain(), domain).thenCompose(name -> mx(name, mx.cidr4(), mx.cidr6()));
        }
        if (mechanism instanceof Mechanism.Ptr ptr) {
            return target(ptr.domain(), domain).thenCompose(this::ptr);
        }
        if (mechanism instanceof Mechanism.Exists exists) {
            return target(exists.domain(), domain).thenCompose(this::exists);
        }
        throw new IllegalArgumentException("not a DNS mechanism: " + mechanism);
    }

    private CompletionStage<String> target(MacroString spec, String domain) {
        return spec == null ? CompletableFuture.completedFuture(domain) : evaluation.expandDomain(spec, domain);
    }

    private CompletionStage<Boolean> include(String target) {
        return evaluation.checkHost(target).thenApply(verdict -> switch (verdict.outcome()) {
            case PASS -> true;
            case FAIL, SOFTFAIL, NEUTRAL -> false;
            case NONE -> throw SpfAbort.permerror("include target " + target + " has no SPF record");
            default -> throw new IllegalStateException("unexpected include outcome " + verdict.outcome());
        });
    }

    private CompletionStage<Boolean> addressMatch(String name, int cidr4, int cidr6) {
        boolean ipv6 = isIpv6();
        return evaluation.resolver().lookupAddresses(name, ipv6).thenApply(answer -> {
            checkFailure(answer, name);
            if (!answer.isFound()) {
                evaluation.countVoidLookup(name);
                return false;
            }
            return anyInNetwork(answer.records(), ipv6 ? cidr6 : cidr4);
        });
    }

    private CompletionStage<Boolean> mx(String name, int cidr4, int cidr6) {
        return evaluation.resolver().lookupMx(name).thenCompose(answer -> {
            checkFailure(answer, name);
            if (!answer.isFound()) {
                evaluation.countVoidLookup(name);
                return CompletableFuture.completedFuture(false);
            }
            if (answer.records().size() > evaluation.settings().maxNamesPerLookup()) {
                throw SpfAbort.permerror("more than " + evaluation.settings().maxNamesPerLookup()
                        + " MX records for " + name);
            }
            return mxHostsMatch(answer.records(), isIpv6() ? cidr6 : cidr4);
        });
    }

    private CompletionStage<Boolean> mxHostsMatch(List<MxRecord> records, int prefix) {
        List<CompletableFuture<DnsAnswer<InetAddress>>> lookups = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        for (MxRecord record : records) {
            if (!record.isNullMx()) {
                hosts.add(record.host());
                lookups.add(evaluation.resolver().lookupAddresses(record.host(), isIpv6()).toCompletableFuture());
            }
        }
        return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            for (int i = 0; i < lookups.size(); i++) {
                DnsAnswer<InetAddress> answer = lookups.get(i).join();
                checkFailure(answer, hosts.get(i));
                if (anyInNetwork(answer.records(), prefix)) {
                    return true;
                }
            }
            return false;
        });
    }

    private CompletionStage<Boolean> ptr(String target) {
        InetAddress client = evaluation.client();
        return evaluation.resolver().lookupPtr(client).thenCompose(answer -> {
            if (answer.status().isEmpty()) {
                evaluation.countVoidLookup("PTR of " + client.getHostAddress());
            }
            return PtrValidation.validate(evaluation.resolver(), client, answer,
                    evaluation.settings().maxNamesPerLookup());
        }).thenApply(names -> names.stream().anyMatch(name -> PtrValidation.isAtOrBelow(name, target)));
    }

    private CompletionStage<Boolean> exists(String name) {
        return evaluation.resolver().lookupA(name).thenApply(answer -> {
            checkFailure(answer, name);
            if (!answer.isFound()) {
                evaluation.countVoidLookup(name);
                return false;
            }
            return true;
        });
    }

    private boolean anyInNetwork(List<? extends InetAddress> addresses, int prefix) {
        for (InetAddress address : addresses) {
            if (IpNetworks.contains(address, prefix, evaluation.client())) {
                return true;
            }
        }
        return false;
    }

    private boolean isIpv6() {
        return evaluation.client() instanceof Inet6Address;
    }

    private static void checkFailure(DnsAnswer<?> answer, String name) {
        if (answer.status().isFailure()) {
            throw SpfAbort.temperror("DNS " + answer.status() + " for " + name + " " + answer.detail());
        }
    }
}
