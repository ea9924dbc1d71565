package io.mailpipe.camel.routing;

import io.mailpipe.camel.mx.DeliveryEnvelope;
import io.mailpipe.camel.mx.MxConstants;
import io.mailpipe.delivery.DeliveryException;
import io.mailpipe.delivery.DeliveryReport;
import io.mailpipe.delivery.PermanentDeliveryException;
import io.mailpipe.delivery.RecipientOutcome;
import io.mailpipe.delivery.RecipientResult;
import io.mailpipe.smtp.Recipient;
import io.mailpipe.smtp.SmtpReply;
import org.apache.camel.Exchange;
import org.apache.camel.util.ObjectHelper;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One result per recipient of one finished delivery branch (RFC 5321 §4.2.1 reply classes): the branch's own
 * {@link DeliveryReport} where it gave one (carried by a Transient/PermanentDeliveryException, or the
 * {@code MailpipeDeliveryReport} header on success), and for recipients it did not report on, the outcome its end
 * implies: success is 250 2.0.0, a PermanentDeliveryException 554 5.0.0, any other failure 451 4.3.0 (retried).
 */
final class BranchResults {

    private BranchResults() {
    }

    static List<RecipientResult> of(Exchange branch) {
        Exception failure = branch.getException();
        DeliveryException delivery = ObjectHelper.getException(DeliveryException.class, failure);
        DeliveryReport report = delivery != null ? delivery.report()
                : failure == null ? branch.getMessage().getHeader(MxConstants.DELIVERY_REPORT, DeliveryReport.class)
                : null;
        Map<String, RecipientResult> reported = new HashMap<>();
        if (report != null) {
            report.results().forEach(r -> reported.put(key(r.recipient()), r));
        }
        SmtpReply implied = impliedReply(failure, delivery);
        return DeliveryEnvelope.ofHeaders(branch.getMessage()).recipients().stream().map(Recipient::address)
                .map(address -> {
                    RecipientResult own = reported.get(key(address));
                    return own != null
                            ? new RecipientResult(address, own.outcome(), own.reply(), own.mxHost(), own.mxAddress())
                            : new RecipientResult(address, RecipientOutcome.of(implied), implied, null, null);
                }).toList();
    }

    private static SmtpReply impliedReply(Exception failure, DeliveryException delivery) {
        if (failure == null) {
            return SmtpReply.of(250, "2.0.0", "delivered");
        }
        String text = String.valueOf(failure.getMessage()).replaceAll("[\\r\\n]+", " ");
        if (delivery instanceof PermanentDeliveryException) {
            return SmtpReply.of(554, "5.0.0", text);
        }
        return SmtpReply.of(451, "4.3.0", text);
    }

    private static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
