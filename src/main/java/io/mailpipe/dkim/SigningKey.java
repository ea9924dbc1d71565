package io.mailpipe.dkim;

import java.security.PrivateKey;

/**
 * A private key ready for DKIM signing: RSA of 1024 to 4096 bits (RFC 8301 §3.2) for rsa-sha256, or Ed25519
 * (RFC 8463 §3) for ed25519-sha256.
 *
 * @param bits the modulus length for RSA, 256 for Ed25519
 * @param source where the key came from (file name), for error messages
 */
public record SigningKey(DkimAlgorithm algorithm, PrivateKey privateKey, int bits, String source) {
}
