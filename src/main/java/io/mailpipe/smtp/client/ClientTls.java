package io.mailpipe.smtp.client;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.UncheckedIOException;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * The two client TLS contexts (RFC 3207, TLS 1.2 and 1.3 only per RFC 8996): an unauthenticated one for
 * opportunistic and plain required TLS (RFC 7435 §1.3: encryption without authentication beats none), and one that
 * checks the certificate chain with PKIX against the configured trust anchors (host name checked per connection).
 */
final class ClientTls {

    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final SslContext unauthenticated;
    private final SslContext verifying;

    ClientTls(TrustManagerFactory trustManagers) {
        try {
            unauthenticated = SslContextBuilder.forClient().protocols(PROTOCOLS)
                    .trustManager(InsecureTrustManagerFactory.INSTANCE).build();
            SslContextBuilder verified = SslContextBuilder.forClient().protocols(PROTOCOLS);
            if (trustManagers != null) {
                verified.trustManager(trustManagers);
            }
            verifying = verified.build();
        } catch (SSLException e) {
            throw new UncheckedIOException(e);
        }
    }

    SslContext contextFor(TlsPolicy policy) {
        return policy == TlsPolicy.REQUIRED_VERIFY ? verifying : unauthenticated;
    }
}
