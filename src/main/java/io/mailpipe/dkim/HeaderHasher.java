package io.mailpipe.dkim;

import java.security.MessageDigest;
import java.util.List;

/**
 * Computes the header hash of RFC 6376 §3.7: the canonicalised signed fields in h= order, then the DKIM-Signature
 * field itself with its b= value empty and without its trailing CRLF.
 */
final class HeaderHasher {

    private HeaderHasher() {
    }

    static byte[] hash(Canonicalization canonicalization, List<HeaderField> signed, byte[] signatureField) {
        MessageDigest digest = Hashing.sha256();
        for (HeaderField field : signed) {
            byte[] canonical = canonicalization.header(field.raw());
            digest.update(canonical);
            if (canonicalization == Canonicalization.SIMPLE && !endsWithCrlf(canonical)) {
                digest.update(new byte[] {'\r', '\n'});
            }
        }
        byte[] own = canonicalization.header(signatureField);
        int length = endsWithCrlf(own) ? own.length - 2 : own.length;
        digest.update(own, 0, length);
        return digest.digest();
    }

    private static boolean endsWithCrlf(byte[] data) {
        return data.length >= 2 && data[data.length - 2] == '\r' && data[data.length - 1] == '\n';
    }
}
