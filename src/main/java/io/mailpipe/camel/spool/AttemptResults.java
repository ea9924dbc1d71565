package io.mailpipe.camel.spool;

import io.mailpipe.delivery.DeliveryReport;
import io.mailpipe.delivery.PermanentDeliveryException;
import io.mailpipe.delivery.TransientDeliveryException;
import io.mailpipe.queue.AttemptResult;
import org.apache.camel.Exchange;
import org.apache.camel.util.ObjectHelper;

/**
 * Reads how a delivery exchange ended (RFC 5321 §4.2.1 reply classes, carried by the delivery exceptions): success
 * means delivered; a {@link TransientDeliveryException} or {@link PermanentDeliveryException} anywhere in the cause
 * chain brings its per-recipient report; any other failure is a fault, retried like a transient one. An exception a
 * route handled with onException still counts.
 */
final class AttemptResults {

    private AttemptResults() {
    }

    static AttemptResult of(Exchange exchange) {
        Exception failure = exchange.getException();
        if (failure == null) {
            failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        }
        if (failure == null && !exchange.isRollbackOnly()) {
            return AttemptResult.delivered(
                    exchange.getMessage().getHeader(SpoolConstants.DELIVERY_REPORT, DeliveryReport.class));
        }
        if (failure == null) {
            return AttemptResult.fault("the delivery route rolled the exchange back");
        }
        PermanentDeliveryException permanent = ObjectHelper.getException(PermanentDeliveryException.class, failure);
        if (permanent != null) {
            return AttemptResult.permanentFailure(permanent.report(), permanent.getMessage());
        }
        TransientDeliveryException transientFailure =
                ObjectHelper.getException(TransientDeliveryException.class, failure);
        if (transientFailure != null) {
            return AttemptResult.transientFailure(transientFailure.report(), transientFailure.getMessage());
        }
        return AttemptResult.fault(failure.toString());
    }
}
