package io.mailpipe.bulk;

/**
 * A send request that will never be sent as it is: carries the typed {@link Rejection}. Thrown by the composer so a
 * route can move the request to the rejected topic instead of retrying it.
 */
public class BulkRequestRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Rejection rejection;

    public BulkRequestRejectedException(Rejection rejection) {
        super(rejection.reason().code() + " at '" + rejection.field() + "': " + rejection.message());
        this.rejection = rejection;
    }

    public BulkRequestRejectedException(Rejection.Reason reason, String field, String message) {
        this(new Rejection(reason, message, field));
    }

    public Rejection rejection() {
        return rejection;
    }
}
