package io.mailpipe.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mailpipe.delivery.MxRouter;
import io.mailpipe.delivery.MxTarget;
import io.mailpipe.delivery.Route;
import io.mailpipe.dns.DnsAnswer;
import io.mailpipe.dns.MxRecord;
import io.mailpipe.dns.Resolver;
import io.mailpipe.smtp.SmtpReply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The delivery plan of one recipient domain as the {@code mx:} producer computes it with {@link MxRouter} (RFC 5321
 * §5.1): how the hosts were chosen (MX records, the implicit MX of a domain without MX records, a null MX of
 * RFC 7505, NXDOMAIN or a DNS failure), the hosts in the order tried with their MX preference and addresses, and
 * the reply every recipient of the domain gets when routing itself fails.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record DeliveryPlan(String domain, String decision, String tlsPolicy, List<PlannedHost> hosts,
        List<String> hostsNotTried, Failure failure) {

    /** One host of the plan; {@code preference} is absent for the implicit MX and for address literals. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PlannedHost(String host, Integer preference, int port, List<String> addresses) {
    }

    /** The reply the producer uses for every recipient when no server can be asked (RFC 3463 status). */
    record Failure(boolean temporary, int code, String enhancedStatus, String text) {
    }

    /** Asks the MX records (answered from the cache the router then uses) and the router for the route. */
    static CompletionStage<DeliveryPlan> compute(Resolver resolver, MxRouter router, String domain,
            String tlsPolicy) {
        if (domain.startsWith("[")) {
            return router.route(domain).thenApply(route -> of(domain, "address-literal", tlsPolicy, List.of(), route));
        }
        return resolver.lookupMx(domain).thenCompose(mx -> router.route(domain)
                .thenApply(route -> of(domain, decision(mx), tlsPolicy, records(mx), route)));
    }

    boolean isTemporaryFailure() {
        return failure != null && failure.temporary();
    }

    private static DeliveryPlan of(String domain, String decision, String tlsPolicy, List<MxRecord> records,
            Route route) {
        Map<String, Integer> preferences = new LinkedHashMap<>();
        records.forEach(record -> preferences.putIfAbsent(record.host(), record.preference()));
        Map<String, PlannedHost> hosts = new LinkedHashMap<>();
        for (MxTarget target : route.targets()) {
            PlannedHost host = hosts.computeIfAbsent(target.hostName(), name -> new PlannedHost(name,
                    preferences.get(name), target.port(), new ArrayList<>()));
            host.addresses().add(target.address().getHostAddress());
        }
        List<String> notTried = preferences.keySet().stream()
                .filter(name -> !hosts.containsKey(name)).toList();
        return new DeliveryPlan(domain, decision, tlsPolicy, List.copyOf(hosts.values()), notTried,
                route.isFailure() ? failure(route.failure()) : null);
    }

    private static String decision(DnsAnswer<MxRecord> mx) {
        return switch (mx.status()) {
            case NXDOMAIN -> "nxdomain";
            case SERVFAIL, TIMEOUT -> "temporary-failure";
            case NODATA -> "implicit-mx";
            case FOUND -> mx.records().stream().anyMatch(MxRecord::isNullMx) ? "null-mx" : "mx";
        };
    }

    private static List<MxRecord> records(DnsAnswer<MxRecord> mx) {
        return mx.isFound() && mx.records().stream().noneMatch(MxRecord::isNullMx) ? mx.records() : List.of();
    }

    private static Failure failure(SmtpReply reply) {
        return new Failure(reply.isTransientFailure(), reply.code(), reply.enhancedStatus(),
                String.join(" ", reply.lines()));
    }
}
