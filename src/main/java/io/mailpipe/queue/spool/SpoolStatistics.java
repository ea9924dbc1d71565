package io.mailpipe.queue.spool;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What durability cost: journal flushes per accepted message (the group-commit ratio on the path that answers 250),
 * files forced by checkpoints and by deferred/dead rewrites, and what recovery found at start.
 */
public final class SpoolStatistics {

    private final int restoredAtStart;
    private final int corruptAtStart;
    private final AtomicLong checkpointForces = new AtomicLong();
    private final AtomicLong rewriteForces = new AtomicLong();
    private volatile long journalCommits;
    private volatile long journaledMessages;

    SpoolStatistics(int restoredAtStart, int corruptAtStart) {
        this.restoredAtStart = restoredAtStart;
        this.corruptAtStart = corruptAtStart;
    }

    void journal(long commits, long messages) {
        journalCommits = commits;
        journaledMessages = messages;
    }

    void checkpointForced() {
        checkpointForces.incrementAndGet();
    }

    void rewriteForced() {
        rewriteForces.incrementAndGet();
    }

    public long journalCommits() {
        return journalCommits;
    }

    public long journaledMessages() {
        return journaledMessages;
    }

    public long checkpointForces() {
        return checkpointForces.get();
    }

    public long rewriteForces() {
        return rewriteForces.get();
    }

    public int restoredAtStart() {
        return restoredAtStart;
    }

    public int corruptAtStart() {
        return corruptAtStart;
    }

    /** Journal flushes per accepted message; 0 before the first. */
    public double commitFsyncsPerMessage() {
        return journaledMessages == 0 ? 0 : (double) journalCommits / journaledMessages;
    }

    @Override
    public String toString() {
        return String.format("%d messages journaled in %d commits (%.3f fsyncs per message on the accept path), "
                        + "%d files forced by checkpoints, %d by rewrites", journaledMessages, journalCommits,
                commitFsyncsPerMessage(), checkpointForces.get(), rewriteForces.get());
    }
}
