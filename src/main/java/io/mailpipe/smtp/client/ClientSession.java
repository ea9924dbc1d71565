package io.mailpipe.smtp.client;

/**
 * An open, greeted session ready for mail transactions: the connection, the destination it belongs to, what the
 * server offers after EHLO (after STARTTLS when used), the TLS protocol in use or null, and how many transactions it
 * has carried (RFC 5321 §3.3 allows many per connection).
 */
public final class ClientSession {

    private final SmtpConnection connection;
    private final Destination destination;
    private final ServerCapabilities capabilities;
    private final String tlsProtocol;
    private int transactions;

    ClientSession(SmtpConnection connection, Destination destination, ServerCapabilities capabilities,
                  String tlsProtocol) {
        this.connection = connection;
        this.destination = destination;
        this.capabilities = capabilities;
        this.tlsProtocol = tlsProtocol;
    }

    public SmtpConnection connection() {
        return connection;
    }

    public Destination destination() {
        return destination;
    }

    public ServerCapabilities capabilities() {
        return capabilities;
    }

    public String tlsProtocol() {
        return tlsProtocol;
    }

    /** Counts one more transaction and returns whether it is the first on this connection. */
    synchronized boolean startTransaction() {
        return transactions++ == 0;
    }

    synchronized int transactions() {
        return transactions;
    }
}
