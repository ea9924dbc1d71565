package io.mailpipe.app.cli;

/**
 * Exit statuses shared by every command, so scripts can tell a negative answer from a broken invocation and from a
 * failure worth retrying.
 */
public final class ExitCodes {

    /** The command ran and the answer is positive (SPF pass/none/neutral, a DKIM signature verified, config valid). */
    public static final int OK = 0;
    /** The command ran and the answer is negative: SPF fail/softfail/permerror, no DKIM pass, invalid configuration. */
    public static final int NEGATIVE = 1;
    /** The command line or an input it names is wrong (picocli's own usage status). */
    public static final int USAGE = 2;
    /** A temporary failure, such as a DNS timeout or SERVFAIL (SPF or DKIM temperror). */
    public static final int TEMPORARY = 3;

    private ExitCodes() {
    }
}
