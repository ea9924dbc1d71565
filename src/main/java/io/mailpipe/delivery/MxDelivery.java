package io.mailpipe.delivery;

import io.mailpipe.delivery.shaping.TrafficShaper;
import io.mailpipe.smtp.MailFrom;
import io.mailpipe.smtp.MessageBytes;
import io.mailpipe.smtp.Recipient;
import io.mailpipe.smtp.SmtpReply;
import io.mailpipe.smtp.client.Destination;
import io.mailpipe.smtp.client.OutboundMessage;
import io.mailpipe.smtp.client.SmtpClient;
import io.mailpipe.smtp.client.TlsPolicy;
import io.mailpipe.smtp.client.TransactionResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Delivers one message to all its recipients the way RFC 5321 §5 asks: recipients grouped by domain, one transaction
 * per domain carrying all of its recipients, the domain's servers tried in route order while a failure happens
 * before the transaction (connect, greeting, TLS), and every recipient ending with a {@link RecipientResult}. Domains
 * are delivered concurrently; nothing blocks. With a {@link TrafficShaper}, each domain's transaction first needs the
 * shaper's admission for the domain's site (named from its MX hosts) and the message's tenant and campaign; a deferral
 * becomes every recipient's transient result, and every transaction's replies feed the site's back-off.
 */
public final class MxDelivery {

    private final SmtpClient client;
    private final MxRouter router;
    private final TlsPolicies tls;
    private final Destination.Credentials smarthostCredentials;
    private final TrafficShaper shaper;

    public MxDelivery(SmtpClient client, MxRouter router, TlsPolicies tls,
                      Destination.Credentials smarthostCredentials) {
        this(client, router, tls, smarthostCredentials, null);
    }

    /** A delivery whose transactions go through {@code shaper}; null means unshaped. */
    public MxDelivery(SmtpClient client, MxRouter router, TlsPolicies tls,
                      Destination.Credentials smarthostCredentials, TrafficShaper shaper) {
        this.client = client;
        this.router = router;
        this.tls = tls;
        this.smarthostCredentials = smarthostCredentials;
        this.shaper = shaper;
    }

    /** The shaper, or null when delivery is not shaped. */
    public TrafficShaper shaper() {
        return shaper;
    }

    /** The per-recipient report, in the order of {@code recipients}; the stage never completes exceptionally. */
    public CompletionStage<DeliveryReport> deliver(MailFrom from, List<Recipient> recipients, MessageBytes content) {
        return deliver(from, recipients, content, null, null);
    }

    /** As {@link #deliver(MailFrom, List, MessageBytes)}, shaped also by the message's tenant and campaign. */
    public CompletionStage<DeliveryReport> deliver(MailFrom from, List<Recipient> recipients, MessageBytes content,
                                                   String tenant, String campaign) {
        Map<String, List<Recipient>> byDomain = new LinkedHashMap<>();
        for (Recipient r : recipients) {
            byDomain.computeIfAbsent(r.domain(), d -> new ArrayList<>()).add(r);
        }
        List<CompletableFuture<List<RecipientResult>>> domains = new ArrayList<>();
        byDomain.forEach((domain, group) -> domains.add(deliverDomain(domain,
                new OutboundMessage(from, group, content), tenant, campaign).toCompletableFuture()));
        return CompletableFuture.allOf(domains.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<String, RecipientResult> byAddress = new LinkedHashMap<>();
            domains.forEach(d -> d.join().forEach(r -> byAddress.put(r.recipient(), r)));
            return new DeliveryReport(recipients.stream().map(r -> byAddress.get(r.address())).toList());
        });
    }

    private CompletionStage<List<RecipientResult>> deliverDomain(String domain, OutboundMessage message,
                                                                  String tenant, String campaign) {
        return router.route(domain).thenCompose(route -> {
            if (route.isFailure()) {
                return CompletableFuture.completedFuture(results(message, route.failure(), null));
            }
            if (shaper == null) {
                return tryTargets(domain, message, route.targets(), 0, null, Integer.MAX_VALUE);
            }
            return shaped(domain, message, route.targets(), tenant, campaign);
        }).exceptionally(error -> results(message, SmtpReply.of(451, "4.3.0",
                "delivery failed locally: " + error), null));
    }

    private CompletionStage<List<RecipientResult>> shaped(String domain, OutboundMessage message,
                                                          List<MxTarget> targets, String tenant, String campaign) {
        String site = shaper.siteOf(targets.stream().map(MxTarget::hostName).distinct().toList());
        return shaper.admit(site, tenant, campaign).thenCompose(admission -> {
            if (admission.isDeferred()) {
                return CompletableFuture.completedFuture(results(message, admission.deferral(), null));
            }
            return tryTargets(domain, message, targets, 0, site, admission.maxMessagesPerConnection())
                    .whenComplete((results, error) -> admission.release());
        });
    }

    private CompletionStage<List<RecipientResult>> tryTargets(String domain, OutboundMessage message,
                                                               List<MxTarget> targets, int index, String site,
                                                               int messagesPerConnection) {
        MxTarget target = targets.get(index);
        return client.send(destination(domain, target), message, messagesPerConnection).thenCompose(result -> {
            if (site != null) {
                shaper.record(site, result.replies().values());
            }
            if (result.tryNextHost() && index + 1 < targets.size()) {
                return tryTargets(domain, message, targets, index + 1, site, messagesPerConnection);
            }
            return CompletableFuture.completedFuture(results(result, target));
        });
    }

    private Destination destination(String domain, MxTarget target) {
        TlsPolicy policy = tls.policyFor(domain);
        if (router.settings().smarthost() != null && smarthostCredentials != null) {
            policy = policy.mustEncrypt() ? policy : TlsPolicy.REQUIRED;
            return new Destination(target.hostName(), target.socketAddress(), policy, smarthostCredentials);
        }
        return Destination.of(target.hostName(), target.socketAddress(), policy);
    }

    private static List<RecipientResult> results(TransactionResult result, MxTarget target) {
        List<RecipientResult> out = new ArrayList<>();
        result.replies().forEach((address, reply) -> out.add(new RecipientResult(address, RecipientOutcome.of(reply),
                reply, target.hostName(), target.address().getHostAddress())));
        return out;
    }

    private static List<RecipientResult> results(OutboundMessage message, SmtpReply reply, MxTarget target) {
        return message.recipients().stream().map(r -> new RecipientResult(r.address(), RecipientOutcome.of(reply),
                reply, target == null ? null : target.hostName(),
                target == null ? null : target.address().getHostAddress())).toList();
    }
}
