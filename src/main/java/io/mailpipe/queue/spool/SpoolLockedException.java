package io.mailpipe.queue.spool;

import java.io.IOException;

/**
 * The spool directory's lock is held by another owner (a running mailpipe, or another {@link Spool} in this
 * process), so the spool cannot be opened: one process at a time recovers, delivers from and changes a spool.
 */
public final class SpoolLockedException extends IOException {

    private static final long serialVersionUID = 1L;

    public SpoolLockedException(String message) {
        super(message);
    }
}
