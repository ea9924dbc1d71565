package io.mailpipe.dkim;

import java.util.Locale;
import java.util.Optional;

/**
 * Signing algorithms of the DKIM-Signature a= tag: rsa-sha256 (RFC 6376 §3.3), ed25519-sha256 (RFC 8463 §3) and
 * rsa-sha1, which is only recognised so that it can be refused (RFC 8301 §3.1).
 */
public enum DkimAlgorithm {
    RSA_SHA256("rsa-sha256", "rsa", "sha256"),
    ED25519_SHA256("ed25519-sha256", "ed25519", "sha256"),
    RSA_SHA1("rsa-sha1", "rsa", "sha1");

    private final String tagValue;
    private final String keyType;
    private final String hashName;

    DkimAlgorithm(String tagValue, String keyType, String hashName) {
        this.tagValue = tagValue;
        this.keyType = keyType;
        this.hashName = hashName;
    }

    /** The a= tag value. */
    public String tagValue() {
        return tagValue;
    }

    /** The k= value of a key record that goes with this algorithm. */
    public String keyType() {
        return keyType;
    }

    /** The hash name as listed in a key record's h= tag. */
    public String hashName() {
        return hashName;
    }

    /** Whether RFC 8301 allows signing and verifying with it. */
    public boolean acceptable() {
        return this != RSA_SHA1;
    }

    public static Optional<DkimAlgorithm> fromTag(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        for (DkimAlgorithm algorithm : values()) {
            if (algorithm.tagValue.equals(lower)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return tagValue;
    }
}
