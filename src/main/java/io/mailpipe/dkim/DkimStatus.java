package io.mailpipe.dkim;

import java.util.Locale;

/** Per-signature DKIM result values as reported in Authentication-Results (RFC 8601 §2.7.1). */
public enum DkimStatus {
    /** The signature verified. */
    PASS,
    /** The body hash or the signature did not verify, or the signature expired. */
    FAIL,
    /** Not evaluated (over the signature limit) or failed under a testing-mode key (t=y). */
    NEUTRAL,
    /** Verified data but not acceptable: rsa-sha1 or an RSA key under 1024 bits (RFC 8301). */
    POLICY,
    /** The key could not be fetched for now (DNS timeout or SERVFAIL). */
    TEMPERROR,
    /** Malformed signature or key record, no key, revoked key, or l= beyond the body. */
    PERMERROR;

    /** The keyword written in Authentication-Results. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
