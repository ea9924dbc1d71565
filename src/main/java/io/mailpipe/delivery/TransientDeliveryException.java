package io.mailpipe.delivery;

/** At least one recipient got a 4xx, a connection or a DNS failure: the message goes to a retry step. */
public class TransientDeliveryException extends DeliveryException {
    private static final long serialVersionUID = 1L;

    public TransientDeliveryException(String message, DeliveryReport report) {
        super(message, report);
    }
}
