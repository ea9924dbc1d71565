package io.mailpipe.camel.spool;

import io.mailpipe.camel.support.RawMessages;
import io.mailpipe.queue.QueueRecord;
import io.mailpipe.queue.spool.Spool;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * Stores each exchange's message and envelope in the spool and returns only once it is durable (group-committed),
 * so an {@code smtpd:} route that ends here answers 250 only for mail on stable storage (RFC 5321 §6.1). A failure
 * fails the exchange, which {@code smtpd:} answers with 451 4.3.0.
 */
public class SpoolProducer extends DefaultProducer {

    private Spool spool;

    public SpoolProducer(SpoolEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public SpoolEndpoint getEndpoint() {
        return (SpoolEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        QueueRecord record = ExchangeRecords.toRecord(exchange.getMessage(), spool.clock());
        spool.store(record, ExchangeRecords.body(RawMessages.body(exchange)));
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        spool = getEndpoint().getComponent().acquireSpool(getEndpoint());
    }

    @Override
    protected void doStop() throws Exception {
        if (spool != null) {
            spool = null;
            getEndpoint().getComponent().releaseSpool(getEndpoint());
        }
        super.doStop();
    }
}
