package io.mailpipe.dkim;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * Decides the result of one parsed DKIM-Signature once its key lookup and body hash are known (RFC 6376 §6.1.2,
 * §6.1.3): key record checks (revoked, key type, h=, t=s), RFC 8301 limits, body hash comparison, then the header
 * hash and the signature itself; t=y turns a failure into neutral.
 */
final class SignatureCheck {

    private SignatureCheck() {
    }

    static DkimResult evaluate(int index, DkimSignature sig, HeaderField field, HeaderSection headers,
                               KeyLookupResult lookup, KeyRecordCache keys, byte[] bodyHash,
                               long canonicalBodyLength) {
        return switch (lookup.kind()) {
            case TEMPORARY_FAILURE -> DkimResult.of(index, sig, DkimStatus.TEMPERROR,
                    "key lookup failed: " + lookup.detail());
            case NONE -> DkimResult.of(index, sig, DkimStatus.PERMERROR, "no key for signature");
            case FOUND -> withRecord(index, sig, field, headers, lookup, keys, bodyHash, canonicalBodyLength);
        };
    }

    private static DkimResult withRecord(int index, DkimSignature sig, HeaderField field, HeaderSection headers,
                                         KeyLookupResult lookup, KeyRecordCache keys, byte[] bodyHash,
                                         long canonicalBodyLength) {
        DkimKeyRecord record;
        try {
            record = firstUsable(lookup, keys);
        } catch (DkimSyntaxException e) {
            return DkimResult.of(index, sig, DkimStatus.PERMERROR, "bad key record: " + e.getMessage());
        }
        DkimResult result = checkWithKey(index, sig, field, headers, record, bodyHash, canonicalBodyLength);
        if (record.testing() && result.status() == DkimStatus.FAIL) {
            result = DkimResult.of(index, sig, DkimStatus.NEUTRAL, "testing key (t=y): " + result.reason());
        }
        return result.withTesting(record.testing());
    }

    private static DkimKeyRecord firstUsable(KeyLookupResult lookup, KeyRecordCache keys) throws DkimSyntaxException {
        DkimSyntaxException first = null;
        for (String text : lookup.records()) {
            try {
                return keys.parse(text);
            } catch (DkimSyntaxException e) {
                first = first == null ? e : first;
            }
        }
        throw first;
    }

    private static DkimResult checkWithKey(int index, DkimSignature sig, HeaderField field, HeaderSection headers,
                                           DkimKeyRecord key, byte[] bodyHash, long canonicalBodyLength) {
        String problem = keyProblem(sig, key);
        if (problem != null) {
            return DkimResult.of(index, sig, DkimStatus.PERMERROR, problem);
        }
        if (key.keyType().equals("rsa") && key.bits() < SigningKeys.MIN_RSA_BITS) {
            return DkimResult.of(index, sig, DkimStatus.POLICY, "RSA key of " + key.bits()
                    + " bits; at least 1024 required (RFC 8301)");
        }
        if (!MessageDigest.isEqual(bodyHash, sig.bodyHash())) {
            return DkimResult.of(index, sig, DkimStatus.FAIL, "body hash mismatch");
        }
        byte[] headerHash = HeaderHasher.hash(sig.headerCanonicalization(), headers.select(sig.signedHeaders()),
                withoutSignatureValue(field));
        boolean valid;
        try {
            valid = HashSignatures.verify(sig.algorithm(), key.publicKey(), headerHash, sig.signature());
        } catch (GeneralSecurityException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            return DkimResult.of(index, sig, DkimStatus.FAIL, "signature did not verify");
        }
        String reason = sig.bodyLength() >= 0 ? "l=" + sig.bodyLength() + " signs " + sig.bodyLength() + " of "
                + canonicalBodyLength + " body bytes" : "";
        return DkimResult.of(index, sig, DkimStatus.PASS, reason);
    }

    private static String keyProblem(DkimSignature sig, DkimKeyRecord key) {
        if (key.revoked()) {
            return "key revoked";
        }
        if (!key.keyType().equals(sig.algorithm().keyType())) {
            return "key type " + key.keyType() + " does not match a=" + sig.algorithm().tagValue();
        }
        if (!key.hashes().isEmpty() && !key.hashes().contains(sig.algorithm().hashName())) {
            return "key h= does not allow " + sig.algorithm().hashName();
        }
        if (key.strictIdentity() && sig.identityIsSubdomain()) {
            return "key t=s forbids an i= subdomain of d=";
        }
        return null;
    }

    /** The field with the b= value removed, without its trailing CRLF (RFC 6376 §3.7). */
    static byte[] withoutSignatureValue(HeaderField field) {
        byte[] raw = field.raw();
        int colon = 0;
        while (raw[colon] != ':') {
            colon++;
        }
        TagList.Tag b;
        try {
            b = TagList.parse(field.value()).tag("b");
        } catch (DkimSyntaxException e) {
            throw new IllegalStateException("field was parsed before", e);
        }
        int end = raw.length >= 2 && raw[raw.length - 2] == '\r' && raw[raw.length - 1] == '\n'
                ? raw.length - 2 : raw.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        out.write(raw, 0, colon + 1 + b.spanStart());
        out.write(raw, colon + 1 + b.spanEnd(), end - (colon + 1 + b.spanEnd()));
        return out.toByteArray();
    }
}
