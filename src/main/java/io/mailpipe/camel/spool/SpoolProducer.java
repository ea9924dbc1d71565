package io.mailpipe.camel.spool;

import io.mailpipe.camel.support.RawMessages;
import io.mailpipe.queue.QueueRecord;
import io.mailpipe.queue.spool.Spool;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * Stores each exchange's message and envelope in the spool and completes the exchange only once it is durable
 * (group-committed), so an {@code smtpd:} route that ends here answers 250 only for mail on stable storage (RFC 5321
 * §6.1). The wait does not hold the calling thread: the exchange continues on this producer's own threads when the
 * commit is done, so the writers of many sessions meet in one commit. A failure fails the exchange, which
 * {@code smtpd:} answers with 451 4.3.0.
 */
public class SpoolProducer extends DefaultAsyncProducer {

    private Spool spool;
    private ExecutorService continuations;

    public SpoolProducer(SpoolEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public SpoolEndpoint getEndpoint() {
        return (SpoolEndpoint) super.getEndpoint();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            QueueRecord record = ExchangeRecords.toRecord(exchange.getMessage(), spool.clock());
            spool.storeAsync(record, RawMessages.body(exchange))
                    .whenCompleteAsync((stored, failure) -> {
                        if (failure != null) {
                            exchange.setException(failure instanceof CompletionException ? failure.getCause()
                                    : failure);
                        }
                        callback.done(false);
                    }, continuations);
            return false;
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        spool = getEndpoint().getComponent().acquireSpool(getEndpoint());
        continuations = getEndpoint().getCamelContext().getExecutorServiceManager().newFixedThreadPool(this,
                "spool-committed", Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
    }

    @Override
    protected void doStop() throws Exception {
        if (continuations != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(continuations);
            continuations = null;
        }
        if (spool != null) {
            spool = null;
            getEndpoint().getComponent().releaseSpool(getEndpoint());
        }
        super.doStop();
    }
}
