package io.mailpipe.app.cli;

import io.mailpipe.delivery.MxRouter;
import io.mailpipe.delivery.RoutingSettings;
import io.mailpipe.delivery.TlsPolicies;
import io.mailpipe.dns.Resolver;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mailpipe mx}: the delivery plan the {@code mx:} producer would follow for a domain, computed by the same
 * {@link MxRouter} (RFC 5321 §5.1, null MX of RFC 7505): hosts in the order tried with their preferences and
 * addresses, the decision that chose them, the reply used when routing fails, and the STARTTLS policy (RFC 3207)
 * that applies. Exit 0 with a plan, 1 when routing fails permanently, 3 when it fails temporarily.
 */
@Command(name = "mx", mixinStandardHelpOptions = true,
        description = "Show the delivery plan of the mx: producer for a domain (MX hosts, addresses, TLS policy).")
final class MxCommand implements Callable<Integer> {

    private final CliStreams streams;
    private final Resolver givenResolver;

    @Parameters(paramLabel = "DOMAIN", description = "Recipient domain, or an address literal such as [192.0.2.1].")
    String domain;

    @Option(names = "--tls-policy", paramLabel = "POLICY", defaultValue = "opportunistic",
            description = "Default STARTTLS policy: none, opportunistic, required, required-verify"
                    + " (default: ${DEFAULT-VALUE}), as mx:'s tlsPolicy.")
    String tlsPolicy;

    @Option(names = "--tls-policies", paramLabel = "DOMAIN=POLICY,...",
            description = "Per-domain STARTTLS policies, as mx:'s tlsPolicies.")
    String tlsPolicies;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Mixin
    DnsOptions dns;

    MxCommand(CliStreams streams) {
        this(streams, null);
    }

    /** A command that asks {@code resolver} instead of the DNS servers of {@code --dns}. */
    MxCommand(CliStreams streams, Resolver resolver) {
        this.streams = streams;
        this.givenResolver = resolver;
    }

    @Override
    public Integer call() throws Exception {
        String name = normalized(domain);
        TlsPolicies policies = policies();
        Resolver resolver = givenResolver != null ? givenResolver : dns.resolver();
        MxRouter router = new MxRouter(resolver, RoutingSettings.defaults());
        String policy = policies.policyFor(name).name().toLowerCase(Locale.ROOT).replace('_', '-');
        DeliveryPlan plan = DnsOptions.await(DeliveryPlan.compute(resolver, router, name, policy));
        if (json) {
            JsonOutput.write(streams.out(), plan);
        } else {
            printText(streams.out(), plan);
        }
        if (plan.failure() == null) {
            return ExitCodes.OK;
        }
        return plan.isTemporaryFailure() ? ExitCodes.TEMPORARY : ExitCodes.NEGATIVE;
    }

    private TlsPolicies policies() throws CommandFailure {
        try {
            return TlsPolicies.parse(tlsPolicy, tlsPolicies);
        } catch (RuntimeException e) {
            throw CommandFailure.usage("bad --tls-policy or --tls-policies value: " + e.getMessage());
        }
    }

    private static String normalized(String text) throws CommandFailure {
        String name = text.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".") && name.length() > 1) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.contains("@") || name.contains(" ")) {
            throw CommandFailure.usage("not a domain: " + text);
        }
        return name;
    }

    private static void printText(PrintStream out, DeliveryPlan plan) {
        out.println("domain: " + plan.domain());
        out.println("decision: " + plan.decision());
        out.println("tls-policy: " + plan.tlsPolicy());
        int position = 1;
        for (DeliveryPlan.PlannedHost host : plan.hosts()) {
            String preference = host.preference() == null ? "" : " (preference " + host.preference() + ")";
            out.println(position++ + ". " + host.host() + preference + " port " + host.port());
            host.addresses().forEach(address -> out.println("     " + address));
        }
        plan.hostsNotTried().forEach(host -> out.println("not tried (no address or over the limit): " + host));
        if (plan.failure() != null) {
            DeliveryPlan.Failure failure = plan.failure();
            out.println((failure.temporary() ? "deferred: " : "bounced: ") + failure.code() + " "
                    + failure.enhancedStatus() + " " + failure.text());
        }
        out.flush();
    }
}
