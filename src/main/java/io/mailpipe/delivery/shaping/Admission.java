package io.mailpipe.delivery.shaping;

import io.mailpipe.smtp.SmtpReply;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The shaper's answer for one transaction: either a deferral reply to give every recipient (transient, so the queue
 * retries), or a permit holding one of the site's connection slots, with the site's messages-per-connection limit,
 * to be released exactly once when the transaction is over.
 */
public final class Admission {

    private final SmtpReply deferral;
    private final int maxMessagesPerConnection;
    private final Runnable release;
    private final AtomicBoolean released = new AtomicBoolean();

    private Admission(SmtpReply deferral, int maxMessagesPerConnection, Runnable release) {
        this.deferral = deferral;
        this.maxMessagesPerConnection = maxMessagesPerConnection;
        this.release = release;
    }

    static Admission deferred(SmtpReply reply) {
        return new Admission(reply, 0, () -> { });
    }

    static Admission granted(int maxMessagesPerConnection, Runnable release) {
        return new Admission(null, maxMessagesPerConnection, release);
    }

    public boolean isDeferred() {
        return deferral != null;
    }

    /** The reply for every recipient when deferred; null when granted. */
    public SmtpReply deferral() {
        return deferral;
    }

    public int maxMessagesPerConnection() {
        return maxMessagesPerConnection;
    }

    /** Gives the connection slot back; later calls do nothing. */
    public void release() {
        if (released.compareAndSet(false, true)) {
            release.run();
        }
    }
}
