package io.mailpipe.queue.spool;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Inspection and control of a running spool, for an operator's HTTP endpoint or console (like Postfix's mailq,
 * postqueue -i, postsuper -d): counts per state and per destination domain, a listing, and per message retry now,
 * bounce (with failure reports per RFC 3464 through the bounce sink) and delete. Messages being delivered cannot be
 * bounced or deleted until their attempt ends.
 */
public final class QueueControl {

    private final SpoolOutcomes outcomes;

    public QueueControl(SpoolOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    public Map<SpoolState, Integer> counts() {
        return outcomes.spool().counts();
    }

    public Map<String, Integer> pendingRecipientsByDomain() {
        return outcomes.spool().pendingByDomain();
    }

    public List<QueuedMessage> list() {
        return outcomes.spool().list();
    }

    public boolean retryNow(String queueId) {
        return outcomes.spool().retryNow(queueId);
    }

    public boolean bounce(String queueId) throws IOException {
        return outcomes.bounce(queueId);
    }

    public boolean delete(String queueId) throws IOException {
        return outcomes.spool().delete(queueId);
    }
}
