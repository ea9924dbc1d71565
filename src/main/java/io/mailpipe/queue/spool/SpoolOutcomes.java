package io.mailpipe.queue.spool;

import io.mailpipe.queue.AttemptResolution;
import io.mailpipe.queue.AttemptResolver;
import io.mailpipe.queue.AttemptResult;
import io.mailpipe.queue.BounceNotices;
import io.mailpipe.queue.BounceReason;
import io.mailpipe.queue.DeliveryEventSink;
import io.mailpipe.queue.Disposition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Applies the queue semantics to spooled messages: resolves an attempt ({@link AttemptResolver}), reports bounces
 * (RFC 3464 via the {@link io.mailpipe.queue.BounceSink}), records one event per recipient outcome, then removes,
 * defers or buries the message; a message past its sender's notAfter is expired without an attempt. If the bounce
 * report cannot be handed over, the message is deferred unchanged and resolved again later, so no failure report is
 * lost.
 */
public final class SpoolOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolOutcomes.class);

    private final Spool spool;
    private final AttemptResolver resolver;
    private final BounceNotices notices;
    private final DeliveryEventSink events;

    public SpoolOutcomes(Spool spool, AttemptResolver resolver, BounceNotices notices, DeliveryEventSink events) {
        this.spool = spool;
        this.resolver = resolver;
        this.notices = notices;
        this.events = events;
    }

    public Spool spool() {
        return spool;
    }

    /** Ends one delivery attempt of a claimed message. */
    public void record(Claim claim, AttemptResult result) throws IOException {
        AttemptResolution resolution = resolver.resolve(claim.record(), result);
        apply(claim, resolution, BounceReason.PERMANENT_FAILURE);
    }

    /**
     * Before an attempt: a claimed message whose sender's notAfter has passed is expired instead of tried (reported
     * like a lifetime expiry). Returns true when it was, so the caller must not deliver it.
     */
    public boolean expireIfPastNotAfter(Claim claim) throws IOException {
        if (!claim.record().isPastNotAfter(resolver.clock().instant())) {
            return false;
        }
        apply(claim, resolver.expireUntried(claim.record(), List.of()), BounceReason.EXPIRED);
        return true;
    }

    /** An operator's bounce: every pending recipient of a message not being delivered fails now. */
    public boolean bounce(String queueId) throws IOException {
        Optional<Claim> claim = spool.claim(queueId);
        if (claim.isEmpty()) {
            return false;
        }
        apply(claim.get(), resolver.bounceAll(claim.get().record()), BounceReason.OPERATOR);
        return true;
    }

    private void apply(Claim claim, AttemptResolution resolution, BounceReason failedReason) throws IOException {
        try {
            notices.send(resolution, claim.body(), failedReason);
        } catch (Exception e) {
            LOG.warn("bounce report for {} failed; deferring the message to resolve it again", claim.record().queueId(),
                    e);
            spool.finish(claim, Disposition.DEFER, resolver.retryLater(claim.record(), "bounce report failed: " + e));
            return;
        }
        try {
            resolution.events().forEach(events::record);
        } catch (RuntimeException e) {
            LOG.error("cannot record delivery events of {}", claim.record().queueId(), e);
        }
        spool.finish(claim, resolution.disposition(), resolution.record());
    }
}
