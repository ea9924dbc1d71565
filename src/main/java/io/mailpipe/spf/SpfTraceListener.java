package io.mailpipe.spf;

/**
 * Optional observer of an SPF evaluation, for diagnostics such as a command-line trace: each check_host() entered
 * (RFC 7208 §4, including those of include and redirect), each directive evaluated with whether it matched
 * (§4.6.2, §5) and each redirect followed (§6.1). Calls arrive on whichever thread completes the DNS stage, in
 * evaluation order for one check. An {@link SpfChecker} built without a listener makes no calls at all.
 */
public interface SpfTraceListener {

    /** check_host() starts for {@code domain}: the checked identity's domain, or an include or redirect target. */
    void checkHost(String domain);

    /** A directive of {@code domain}'s record was evaluated. */
    void directive(String domain, String directive, boolean matched);

    /** No directive matched and the record's redirect sends evaluation to {@code target}. */
    void redirect(String domain, String target);
}
