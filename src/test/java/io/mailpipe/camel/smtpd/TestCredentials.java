package io.mailpipe.camel.smtpd;

import io.mailpipe.smtp.server.auth.PasswordFileAuthenticator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A self-signed certificate made with Debian's openssl, and a password file, for tests in a temporary directory. */
final class TestCredentials {

    static final String USER = "alice";
    static final String PASSWORD = "correct horse battery staple";

    final Path certificate;
    final Path key;
    final Path passwords;

    private TestCredentials(Path certificate, Path key, Path passwords) {
        this.certificate = certificate;
        this.key = key;
        this.passwords = passwords;
    }

    static TestCredentials create(Path directory) throws IOException, InterruptedException {
        Path certificate = directory.resolve("server.crt");
        Path key = directory.resolve("server.key");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key.toString(), "-out", certificate.toString(), "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1")
                .redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            throw new IOException("openssl could not make a test certificate: " + output);
        }
        Path passwords = directory.resolve("passwords");
        Files.writeString(passwords, USER + ":" + PasswordFileAuthenticator.hash(PASSWORD.toCharArray()) + "\n");
        return new TestCredentials(certificate, key, passwords);
    }

    /** The smtpd: URI options that turn on STARTTLS and AUTH with these credentials. */
    String smtpdOptions() {
        return "tlsCertificateFile=" + certificate + "&tlsKeyFile=" + key + "&passwordFile=" + passwords;
    }
}
