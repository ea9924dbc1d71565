package io.mailpipe.app.config;

import io.mailpipe.smtp.server.tls.TlsContexts;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;

/**
 * Reads a server certificate chain and private key as STARTTLS (RFC 3207) and implicit TLS (RFC 8314) need them:
 * a PEM file of X.509 certificates (RFC 7468 §5) and a PEM PKCS#8 private key (RFC 7468 §10, RFC 5208), and proves
 * they belong together by signing with the key and verifying with the certificate's public key. Each failure says
 * which file and why.
 */
final class TlsFiles {

    private static final byte[] PROBE = "mailpipe key match probe".getBytes(StandardCharsets.US_ASCII);

    /** Which file a problem is about. */
    enum Part { CERTIFICATE, KEY }

    record Problem(Part part, String message) {
    }

    private TlsFiles() {
    }

    static Optional<Problem> check(Path certificateFile, Path keyFile) {
        X509Certificate certificate;
        try {
            certificate = certificate(FileChecks.readable(certificateFile));
        } catch (IllegalArgumentException e) {
            return Optional.of(new Problem(Part.CERTIFICATE, about(certificateFile, e)));
        }
        PrivateKey key;
        try {
            key = privateKey(FileChecks.readable(keyFile), certificate.getPublicKey().getAlgorithm());
        } catch (IllegalArgumentException e) {
            return Optional.of(new Problem(Part.KEY, about(keyFile, e)));
        }
        if (!matches(key, certificate.getPublicKey())) {
            return Optional.of(new Problem(Part.KEY, keyFile + " does not match the certificate "
                    + certificate.getSubjectX500Principal().getName() + " in " + certificateFile));
        }
        try {
            TlsContexts.server(certificateFile, keyFile);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(new Problem(Part.KEY, e.getMessage()));
        }
    }

    private static String about(Path file, IllegalArgumentException e) {
        return e.getMessage().startsWith(file.toString()) ? e.getMessage() : file + " " + e.getMessage();
    }

    private static X509Certificate certificate(byte[] content) {
        String text = new String(content, StandardCharsets.US_ASCII);
        if (!text.contains("-----BEGIN CERTIFICATE-----")) {
            throw new IllegalArgumentException("is not a PEM certificate (no -----BEGIN CERTIFICATE----- block)");
        }
        try {
            Collection<? extends Certificate> chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(content));
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("holds no certificate");
            }
            return (X509Certificate) chain.iterator().next();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("is not a valid PEM certificate (" + e.getMessage() + ")", e);
        }
    }

    private static PrivateKey privateKey(byte[] content, String algorithm) {
        String text = new String(content, StandardCharsets.US_ASCII);
        if (text.contains("-----BEGIN RSA PRIVATE KEY-----") || text.contains("-----BEGIN EC PRIVATE KEY-----")) {
            throw new IllegalArgumentException("holds a PKCS#1/SEC1 key; convert it to PKCS#8 with"
                    + " 'openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8'");
        }
        if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw new IllegalArgumentException("holds an encrypted key; mailpipe needs an unencrypted PKCS#8 key");
        }
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("is not a PEM private key (no -----BEGIN PRIVATE KEY----- block)");
        }
        String base64 = text.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end).replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(algorithm)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a " + algorithm + " PKCS#8 private key, the certificate's"
                    + " algorithm (" + e.getMessage() + ")", e);
        }
    }

    private static boolean matches(PrivateKey key, PublicKey publicKey) {
        String algorithm = switch (publicKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> publicKey.getAlgorithm();
        };
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
