package io.mailpipe.camel.routing;

import io.mailpipe.camel.mx.DeliveryEnvelope;
import io.mailpipe.smtp.Envelope;
import io.mailpipe.smtp.Recipient;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Splits the recipients of a delivery by domain (RFC 5321 §2.3.5, §3.6.2: mail for the domains we serve is ours to
 * deliver, every other domain goes to its mail exchangers): {@code keepLocal} and {@code keepRemote} narrow the
 * envelope headers of a branch exchange to the recipients whose domain is, or is not, one of {@code localDomains}
 * (comma-separated, compared without case). Each recipient lands in exactly one of the two branches.
 */
public class LocalDomainSplit {

    private Set<String> localDomains = Set.of();

    public void setLocalDomains(String domains) {
        localDomains = domains == null ? Set.of() : Arrays.stream(domains.split(","))
                .map(d -> d.trim().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty()).collect(Collectors.toSet());
    }

    public String getLocalDomains() {
        return String.join(",", localDomains);
    }

    /** True when the domain of {@code recipient} is one of the local domains. */
    public boolean isLocal(Recipient recipient) {
        return localDomains.contains(recipient.domain());
    }

    /** Narrows the exchange's envelope to the local recipients (possibly none). */
    public void keepLocal(Exchange exchange) {
        keep(exchange.getMessage(), this::isLocal);
    }

    /** Narrows the exchange's envelope to the recipients of other domains (possibly none). */
    public void keepRemote(Exchange exchange) {
        keep(exchange.getMessage(), recipient -> !isLocal(recipient));
    }

    private static void keep(Message message, Predicate<Recipient> wanted) {
        Envelope envelope = DeliveryEnvelope.ofHeaders(message);
        DeliveryEnvelopes.write(message, new Envelope(envelope.mailFrom(),
                envelope.recipients().stream().filter(wanted).toList()));
    }
}
