package io.mailpipe.dkim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Loads DKIM private keys from text: PEM PKCS#8 ("PRIVATE KEY", RSA or Ed25519, RFC 5958 / RFC 8410), PEM PKCS#1
 * ("RSA PRIVATE KEY", RFC 8017 §A.1.2, wrapped into PKCS#8 here) and a bare base64 32-byte Ed25519 seed as dkimpy
 * and RFC 8463 Appendix A write it. RSA keys outside 1024..4096 bits are refused (RFC 8301 §3.2).
 */
public final class SigningKeys {

    public static final int MIN_RSA_BITS = 1024;
    public static final int MAX_RSA_BITS = 4096;

    private SigningKeys() {
    }

    public static SigningKey parse(byte[] content, String source) throws DkimKeyException {
        String text = new String(content, StandardCharsets.US_ASCII).strip();
        try {
            if (text.contains("-----BEGIN RSA PRIVATE KEY-----")) {
                return rsa(Der.rsaPkcs1ToPkcs8(pem(text, "RSA PRIVATE KEY", source)), source);
            }
            if (text.contains("-----BEGIN PRIVATE KEY-----")) {
                return pkcs8(pem(text, "PRIVATE KEY", source), source);
            }
            if (text.contains("-----BEGIN")) {
                throw new DkimKeyException(source + ": unsupported PEM type (encrypted keys are not supported)");
            }
            byte[] seed = Base64.getMimeDecoder().decode(text);
            if (seed.length != 32) {
                throw new DkimKeyException(source + ": not PEM and not a base64 32-byte Ed25519 seed");
            }
            return ed25519(Der.ed25519SeedToPkcs8(seed), source);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new DkimKeyException(source + ": unreadable private key (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] pem(String text, String type, String source) throws DkimKeyException {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end, from);
        if (to < 0) {
            throw new DkimKeyException(source + ": PEM block without " + end);
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }

    private static SigningKey pkcs8(byte[] der, String source) throws DkimKeyException, GeneralSecurityException {
        try {
            return rsa(der, source);
        } catch (GeneralSecurityException notRsa) {
            return ed25519(der, source);
        }
    }

    private static SigningKey rsa(byte[] pkcs8, String source) throws DkimKeyException, GeneralSecurityException {
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        int bits = ((RSAPrivateKey) key).getModulus().bitLength();
        if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
            throw new DkimKeyException(source + ": RSA key of " + bits + " bits; DKIM needs " + MIN_RSA_BITS
                    + " to " + MAX_RSA_BITS + " bits (RFC 8301)");
        }
        return new SigningKey(DkimAlgorithm.RSA_SHA256, key, bits, source);
    }

    private static SigningKey ed25519(byte[] pkcs8, String source) throws GeneralSecurityException {
        PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        return new SigningKey(DkimAlgorithm.ED25519_SHA256, key, 256, source);
    }
}
