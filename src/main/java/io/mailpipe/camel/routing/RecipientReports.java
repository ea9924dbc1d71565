package io.mailpipe.camel.routing;

import io.mailpipe.camel.mx.MxConstants;
import io.mailpipe.delivery.DeliveryReport;
import io.mailpipe.delivery.PermanentDeliveryException;
import io.mailpipe.delivery.RecipientOutcome;
import io.mailpipe.delivery.RecipientResult;
import io.mailpipe.delivery.TransientDeliveryException;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins the delivery branches of one message into one per-recipient outcome (DESIGN §4; RFC 5321 §4.5.4.1 retries
 * and §6.1 bounces), so the queue sees a single attempt: as the aggregation strategy of a multicast it collects
 * every branch's {@link BranchResults} on the input exchange and clears the branch's exception; {@code conclude}
 * then puts the combined {@link DeliveryReport} in {@code MailpipeDeliveryReport} and ends the exchange as a single
 * delivery endpoint would: success when every recipient was delivered, a TransientDeliveryException when any is to
 * be retried, else a PermanentDeliveryException. Delivered recipients stay delivered whatever happened to the others.
 */
public class RecipientReports implements AggregationStrategy {

    static final String RESULTS = "MailpipeRecipientResults";

    /**
     * Collects the branch's results on the multicast's input exchange and returns that exchange, so the message after
     * the multicast keeps its whole envelope (a branch's copy has only its share of the recipients).
     */
    @Override
    public Exchange aggregate(Exchange collected, Exchange branch, Exchange input) {
        Exchange target = input != null ? input : collected != null ? collected : branch;
        @SuppressWarnings("unchecked")
        List<RecipientResult> results = target.getProperty(RESULTS, List.class);
        if (results == null) {
            results = new ArrayList<>();
            target.setProperty(RESULTS, results);
        }
        results.addAll(BranchResults.of(branch));
        branch.setException(null);
        branch.removeProperty(Exchange.EXCEPTION_CAUGHT);
        return target;
    }

    @Override
    public Exchange aggregate(Exchange collected, Exchange branch) {
        return aggregate(collected, branch, null);
    }

    /** After the multicast: the combined report, and the exception the queue reads the outcome from. */
    public void conclude(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<RecipientResult> results = exchange.getProperty(RESULTS, List.class);
        exchange.removeProperty(RESULTS);
        DeliveryReport report = new DeliveryReport(results == null ? List.of() : results);
        exchange.getMessage().setHeader(MxConstants.DELIVERY_REPORT, report);
        List<RecipientResult> deferred = report.with(RecipientOutcome.TRANSIENT);
        if (!deferred.isEmpty()) {
            throw new TransientDeliveryException(summary("deferred", deferred), report);
        }
        List<RecipientResult> failed = report.with(RecipientOutcome.PERMANENT);
        if (!failed.isEmpty()) {
            throw new PermanentDeliveryException(summary("failed", failed), report);
        }
    }

    private static String summary(String what, List<RecipientResult> results) {
        StringBuilder text = new StringBuilder("delivery ").append(what).append(" for ").append(results.size())
                .append(" recipient(s):");
        results.stream().limit(5).forEach(r -> text.append(" <").append(r.recipient()).append("> ")
                .append(r.reply()).append(';'));
        return text.toString();
    }
}
