package io.mailpipe.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for a host name, made with the openssl command in a temporary directory (subject CN and
 * subjectAltName DNS entry), and a trust manager factory that trusts exactly it. {@link #close()} deletes the files.
 */
public final class TestTls implements AutoCloseable {

    public final Path directory;
    public final Path certificate;
    public final Path key;

    public TestTls(String hostName) throws IOException, InterruptedException {
        directory = Files.createTempDirectory("mx-tls");
        certificate = directory.resolve("cert.pem");
        key = directory.resolve("key.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=" + hostName,
                "-addext", "subjectAltName=DNS:" + hostName,
                "-keyout", key.toString(), "-out", certificate.toString())
                .redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        if (!openssl.waitFor(30, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            throw new IOException("openssl req failed (is the openssl package installed?)");
        }
    }

    public TrustManagerFactory trustManagers() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trust.setCertificateEntry("peer", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        return factory;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
