package io.mailpipe.dns;

/**
 * How a DNS query ended (RFC 1035 §4.1.1 RCODEs, RFC 2308 §1 for NXDOMAIN versus NODATA). The split between
 * "no such name", "no records of that type", "the server failed" and "no answer in time" matters to callers:
 * SPF counts NXDOMAIN and NODATA as void lookups (RFC 7208 §4.6.4) and maps the last two to temperror.
 */
public enum DnsStatus {
    /** NOERROR with at least one record of the asked type (after following CNAMEs). */
    FOUND,
    /** RCODE 3: the name does not exist. */
    NXDOMAIN,
    /** NOERROR with no record of the asked type. */
    NODATA,
    /** RCODE 2 or any other server-side or transport failure that is not a timeout. */
    SERVFAIL,
    /** No answer within the configured timeout and retries. */
    TIMEOUT;

    /** True for the two outcomes that say authoritatively that nothing is there. */
    public boolean isEmpty() {
        return this == NXDOMAIN || this == NODATA;
    }

    /** True for the outcomes that say nothing about the data, only that the lookup failed. */
    public boolean isFailure() {
        return this == SERVFAIL || this == TIMEOUT;
    }
}
