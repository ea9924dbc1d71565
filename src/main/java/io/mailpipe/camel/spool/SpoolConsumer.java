package io.mailpipe.camel.spool;

import io.mailpipe.camel.observe.DeliveryMeters;
import io.mailpipe.camel.observe.PipelineMeters;
import io.mailpipe.feedback.BounceClassifier;
import io.mailpipe.queue.AttemptResolver;
import io.mailpipe.queue.AttemptResult;
import io.mailpipe.queue.BounceNotices;
import io.mailpipe.queue.LoggedBounces;
import io.mailpipe.queue.spool.Claim;
import io.mailpipe.queue.spool.QueueControl;
import io.mailpipe.queue.spool.Spool;
import io.mailpipe.queue.spool.SpoolOutcomes;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

import java.io.IOException;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;

/**
 * Delivers due messages of a spool: {@code concurrentConsumers} workers each claim a message, route one exchange
 * for it (body: the raw message; headers: the envelope with only the pending recipients) and hand the outcome to the
 * queue semantics (RFC 5321 §4.5.4.1): success removes the message, a transient failure defers the pending
 * recipients, a permanent one bounces them (RFC 3464 via the bounce sink) and moves the message to dead; a message
 * past its sender's notAfter is expired without an attempt. Messages
 * in flight when the process dies are delivered again after restart (at-least-once).
 */
public class SpoolConsumer extends DefaultConsumer {

    private static final long CLAIM_WAIT_MILLIS = 500;

    private volatile boolean running;
    private Spool spool;
    private SpoolOutcomes outcomes;
    private ExecutorService workers;

    public SpoolConsumer(SpoolEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public SpoolEndpoint getEndpoint() {
        return (SpoolEndpoint) super.getEndpoint();
    }

    /** The spool this consumer delivers from. */
    public Spool getSpool() {
        return spool;
    }

    /** Inspection and control of this consumer's spool (counts, listing, retry now, bounce, delete). */
    public QueueControl getQueueControl() {
        return new QueueControl(outcomes);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        SpoolEndpoint endpoint = getEndpoint();
        spool = endpoint.getComponent().acquireSpool(endpoint);
        AttemptResolver resolver = new AttemptResolver(endpoint.retrySchedule(), endpoint.queueLifetime(),
                spool.clock(), new Random(), BounceClassifier.fromFile(endpoint.getBounceRules()));
        BounceNotices notices = new BounceNotices(endpoint.getBounceSink() != null ? endpoint.getBounceSink()
                : new LoggedBounces());
        outcomes = new SpoolOutcomes(spool, resolver, notices, new DeliveryMeters(
                PipelineMeters.of(endpoint.getCamelContext()), endpoint.getComponent().acquireEventLog(endpoint)));
        running = true;
        int count = endpoint.getConcurrentConsumers();
        workers = endpoint.getCamelContext().getExecutorServiceManager().newFixedThreadPool(this, "spool-delivery",
                count);
        for (int i = 0; i < count; i++) {
            workers.execute(this::deliverWhileRunning);
        }
    }

    @Override
    protected void doStop() throws Exception {
        running = false;
        if (workers != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(workers);
            workers = null;
        }
        if (spool != null) {
            spool = null;
            getEndpoint().getComponent().releaseEventLog(getEndpoint());
            getEndpoint().getComponent().releaseSpool(getEndpoint());
        }
        super.doStop();
    }

    private void deliverWhileRunning() {
        try {
            while (running) {
                Optional<Claim> claim = spool.claimNext(CLAIM_WAIT_MILLIS);
                if (claim.isPresent()) {
                    deliver(claim.get());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            getExceptionHandler().handleException("spool: cannot claim the next message", e);
        }
    }

    private void deliver(Claim claim) {
        try {
            if (outcomes.expireIfPastNotAfter(claim)) {
                return;
            }
        } catch (IOException | RuntimeException e) {
            getExceptionHandler().handleException("spool: cannot expire " + claim.record().queueId()
                    + "; it is resolved again after restart", e);
            return;
        }
        Exchange exchange = createExchange(false);
        try {
            ExchangeRecords.populate(exchange.getMessage(), claim);
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            AttemptResult result = AttemptResults.of(exchange);
            outcomes.record(claim, result);
        } catch (IOException | RuntimeException e) {
            getExceptionHandler().handleException("spool: cannot record the outcome of " + claim.record().queueId()
                    + "; it is delivered again after restart", exchange, e);
        } finally {
            releaseExchange(exchange, false);
        }
    }
}
