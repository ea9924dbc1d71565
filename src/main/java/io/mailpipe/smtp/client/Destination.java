package io.mailpipe.smtp.client;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where a transaction goes: the server's host name (the MX name, used for TLS SNI and certificate checks per
 * RFC 7672-style name matching, and in results), its resolved address, the TLS policy, and the credentials for AUTH
 * (RFC 4954) when relaying through a provider. Connections are pooled per destination.
 */
public record Destination(String hostName, InetSocketAddress address, TlsPolicy tlsPolicy, Credentials credentials) {

    /** A user name and password for AUTH PLAIN (RFC 4616) or LOGIN, only ever sent over TLS. */
    public record Credentials(String user, String password) {
        public Credentials {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Credentials[user=" + user + "]";
        }
    }

    public Destination {
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(tlsPolicy, "tlsPolicy");
    }

    public static Destination of(String hostName, InetSocketAddress address, TlsPolicy tlsPolicy) {
        return new Destination(hostName, address, tlsPolicy, null);
    }

    /** The address as text without the host-name part, e.g. "192.0.2.1:25". */
    public String addressText() {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    public Destination withTlsPolicy(TlsPolicy policy) {
        return new Destination(hostName, address, policy, credentials);
    }
}
