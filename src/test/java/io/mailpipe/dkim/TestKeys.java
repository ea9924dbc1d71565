package io.mailpipe.dkim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;

/** Generates key pairs for tests and writes them as PEM files and DKIM key records. */
final class TestKeys {

    private TestKeys() {
    }

    static KeyPair rsa(int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    static KeyPair ed25519() throws GeneralSecurityException {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    static String pkcs8Pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    static Path write(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        return file;
    }

    /** The DKIM key record publishing the public half (RFC 6376 §3.6.1, RFC 8463 §4). */
    static String record(KeyPair pair) {
        byte[] spki = pair.getPublic().getEncoded();
        if (pair.getPublic().getAlgorithm().startsWith("Ed")) {
            byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
            return "v=DKIM1; k=ed25519; p=" + Base64.getEncoder().encodeToString(raw);
        }
        return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(spki);
    }

    static SigningKey signingKey(KeyPair pair) throws DkimKeyException {
        return SigningKeys.parse(pkcs8Pem(pair).getBytes(StandardCharsets.US_ASCII), "generated");
    }
}
