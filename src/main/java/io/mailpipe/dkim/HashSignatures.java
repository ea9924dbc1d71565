package io.mailpipe.dkim;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/**
 * Signs and verifies the SHA-256 hash of the canonicalised header data: RSASSA-PKCS1-v1_5 over the DER DigestInfo
 * of the hash for rsa-sha256 (RFC 6376 §3.3.1, RFC 8017 §9.2), and pure Ed25519 over the 32-byte hash itself for
 * ed25519-sha256 (RFC 8463 §3: the signature input is the hash, not the data).
 */
public final class HashSignatures {

    /** DigestInfo prefix for SHA-256 (RFC 8017 §9.2 note 1). */
    private static final byte[] SHA256_DIGEST_INFO = Der.hex("3031300d060960864801650304020105000420");

    private HashSignatures() {
    }

    public static byte[] sign(DkimAlgorithm algorithm, PrivateKey key, byte[] hash) throws GeneralSecurityException {
        Signature signature = engine(algorithm);
        signature.initSign(key);
        signature.update(input(algorithm, hash));
        return signature.sign();
    }

    public static boolean verify(DkimAlgorithm algorithm, PublicKey key, byte[] hash, byte[] value)
            throws GeneralSecurityException {
        Signature signature = engine(algorithm);
        signature.initVerify(key);
        signature.update(input(algorithm, hash));
        return signature.verify(value);
    }

    private static Signature engine(DkimAlgorithm algorithm) throws GeneralSecurityException {
        return switch (algorithm) {
            case RSA_SHA256 -> Signature.getInstance("NONEwithRSA");
            case ED25519_SHA256 -> Signature.getInstance("Ed25519");
            case RSA_SHA1 -> throw new GeneralSecurityException("rsa-sha1 is not accepted (RFC 8301)");
        };
    }

    private static byte[] input(DkimAlgorithm algorithm, byte[] hash) {
        if (algorithm != DkimAlgorithm.RSA_SHA256) {
            return hash;
        }
        byte[] info = new byte[SHA256_DIGEST_INFO.length + hash.length];
        System.arraycopy(SHA256_DIGEST_INFO, 0, info, 0, SHA256_DIGEST_INFO.length);
        System.arraycopy(hash, 0, info, SHA256_DIGEST_INFO.length, hash.length);
        return info;
    }
}
