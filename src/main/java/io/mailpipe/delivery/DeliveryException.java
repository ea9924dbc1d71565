package io.mailpipe.delivery;

/**
 * A delivery attempt that did not deliver to every recipient. Carries the whole report so a route can retry the
 * pending recipients, bounce the failed ones and never retry the delivered ones.
 */
public abstract class DeliveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient DeliveryReport report;

    protected DeliveryException(String message, DeliveryReport report) {
        super(message);
        this.report = report;
    }

    public DeliveryReport report() {
        return report;
    }
}
