package io.mailpipe.dkim;

/**
 * The outcome of checking one DKIM-Signature field (RFC 6376 §6.1, reported per RFC 8601 §2.7.1).
 *
 * @param index position of the field among the message's DKIM-Signature fields, top first
 * @param domain the d= value, or empty when the field could not be parsed
 * @param selector the s= value, or empty
 * @param algorithm the a= value, or empty
 * @param headerB the first eight characters of b= (RFC 6008), or empty
 * @param bodyLengthLimited true when l= left part of the body unsigned
 * @param testing true when the key record carries t=y
 */
public record DkimResult(int index, DkimStatus status, String reason, String domain, String selector,
                         String algorithm, String identity, String headerB, boolean bodyLengthLimited,
                         boolean testing) {

    static DkimResult unparsed(int index, DkimStatus status, String reason) {
        return new DkimResult(index, status, reason, "", "", "", "", "", false, false);
    }

    static DkimResult of(int index, DkimSignature signature, DkimStatus status, String reason) {
        return new DkimResult(index, status, reason, signature.domain(), signature.selector(),
                signature.algorithm().tagValue(), signature.identity(), signature.shortSignature(),
                signature.bodyLength() >= 0, false);
    }

    DkimResult withTesting(boolean flag) {
        return new DkimResult(index, status, reason, domain, selector, algorithm, identity, headerB,
                bodyLengthLimited, flag);
    }
}
