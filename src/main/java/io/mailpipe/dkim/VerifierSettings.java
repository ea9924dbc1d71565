package io.mailpipe.dkim;

import java.time.Duration;

/**
 * Bounds on verification work (RFC 6376 §8.4 notes DKIM's denial-of-service exposure): how many DKIM-Signature
 * fields are evaluated, how long a key lookup may take, how large the header section may be.
 */
public record VerifierSettings(int maxSignatures, Duration lookupTimeout, int maxHeaderBytes) {

    public static final int DEFAULT_MAX_SIGNATURES = 10;

    public VerifierSettings {
        if (maxSignatures < 1) {
            throw new IllegalArgumentException("maxSignatures must be at least 1");
        }
    }

    public static VerifierSettings defaults() {
        return new VerifierSettings(DEFAULT_MAX_SIGNATURES, Duration.ofSeconds(10), DkimSigner.DEFAULT_MAX_HEADER_BYTES);
    }

    public VerifierSettings withMaxSignatures(int max) {
        return new VerifierSettings(max, lookupTimeout, maxHeaderBytes);
    }

    public VerifierSettings withLookupTimeout(Duration timeout) {
        return new VerifierSettings(maxSignatures, timeout, maxHeaderBytes);
    }
}
