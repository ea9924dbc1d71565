package io.mailpipe.delivery;

/** Every recipient not delivered failed permanently (5xx, null MX, no such domain): bounce and dead-letter. */
public class PermanentDeliveryException extends DeliveryException {
    private static final long serialVersionUID = 1L;

    public PermanentDeliveryException(String message, DeliveryReport report) {
        super(message, report);
    }
}
