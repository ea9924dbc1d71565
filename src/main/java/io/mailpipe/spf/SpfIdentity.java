package io.mailpipe.spf;

/**
 * Which identity a check authorised (RFC 7208 §2.3 HELO, §2.4 MAIL FROM), with the names Received-SPF uses for
 * its {@code identity} key (§9.1) and the Authentication-Results property (RFC 8601 §2.7.2).
 */
public enum SpfIdentity {
    MAILFROM("mailfrom", "smtp.mailfrom"),
    HELO("helo", "smtp.helo");

    private final String receivedSpfName;
    private final String authResultsProperty;

    SpfIdentity(String receivedSpfName, String authResultsProperty) {
        this.receivedSpfName = receivedSpfName;
        this.authResultsProperty = authResultsProperty;
    }

    public String receivedSpfName() {
        return receivedSpfName;
    }

    public String authResultsProperty() {
        return authResultsProperty;
    }
}
