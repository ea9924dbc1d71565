package io.mailpipe.smtp.server.tls;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

import java.nio.file.Path;
import javax.net.ssl.SSLException;

/**
 * Builds the server TLS context for STARTTLS (RFC 3207) and implicit TLS (RFC 8314 §3.3) from a PEM certificate
 * chain and a PEM PKCS#8 private key, with the JDK provider and only TLS 1.3 and 1.2 (RFC 8996 retires older ones).
 */
public final class TlsContexts {

    private TlsContexts() {
    }

    public static SslContext server(Path certificateChain, Path privateKey) {
        try {
            return SslContextBuilder.forServer(certificateChain.toFile(), privateKey.toFile())
                    .sslProvider(SslProvider.JDK)
                    .protocols("TLSv1.3", "TLSv1.2")
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot load TLS certificate " + certificateChain + " and key "
                    + privateKey + ": " + e.getMessage(), e);
        }
    }
}
