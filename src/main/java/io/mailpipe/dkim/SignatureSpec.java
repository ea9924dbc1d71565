package io.mailpipe.dkim;

import java.time.Duration;

/**
 * What one DKIM signature should look like (RFC 6376 §3.5 tags chosen by the signer): d=, s=, key and algorithm,
 * c=, the h= policy, an optional i=, whether to add t= and x= (as a lifetime after t=), and whether to add l=.
 *
 * @param identity the i= value, or null to leave it out
 * @param expiry the signature lifetime for x=, or null for none
 */
public record SignatureSpec(String domain, String selector, SigningKey key, Canonicalization headerCanonicalization,
                            Canonicalization bodyCanonicalization, HeaderPolicy headers, String identity,
                            boolean timestamp, Duration expiry, boolean bodyLength) {

    /** relaxed/relaxed, default headers, t= on, no i=, x= or l=. */
    public static SignatureSpec of(String domain, String selector, SigningKey key) {
        return new SignatureSpec(domain, selector, key, Canonicalization.RELAXED, Canonicalization.RELAXED,
                HeaderPolicy.defaults(), null, true, null, false);
    }

    public SignatureSpec withCanonicalization(Canonicalization header, Canonicalization body) {
        return new SignatureSpec(domain, selector, key, header, body, headers, identity, timestamp, expiry,
                bodyLength);
    }

    public SignatureSpec withHeaders(HeaderPolicy policy) {
        return new SignatureSpec(domain, selector, key, headerCanonicalization, bodyCanonicalization, policy,
                identity, timestamp, expiry, bodyLength);
    }

    public SignatureSpec withIdentity(String i) {
        return new SignatureSpec(domain, selector, key, headerCanonicalization, bodyCanonicalization, headers, i,
                timestamp, expiry, bodyLength);
    }

    public SignatureSpec withTimestamp(boolean t, Duration x) {
        return new SignatureSpec(domain, selector, key, headerCanonicalization, bodyCanonicalization, headers,
                identity, t, x, bodyLength);
    }

    public SignatureSpec withBodyLength(boolean l) {
        return new SignatureSpec(domain, selector, key, headerCanonicalization, bodyCanonicalization, headers,
                identity, timestamp, expiry, l);
    }
}
