package io.mailpipe.camel.smtpd;

import io.mailpipe.smtp.MessageRejectedException;
import io.mailpipe.smtp.ReceivedMessage;
import io.mailpipe.smtp.server.MessageReceiver;
import io.mailpipe.smtp.server.SmtpServer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.util.ObjectHelper;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;

/**
 * Runs the SMTP server of one {@code smtpd:} endpoint and routes every accepted message. The end of DATA is answered
 * only when the exchange is done (RFC 5321 §4.1.1.4, §6.1: a 250 takes responsibility for the message): success gives
 * 250, a {@link MessageRejectedException} anywhere in the cause chain gives its reply, any other failure 451 4.3.0.
 */
public class SmtpdConsumer extends DefaultConsumer implements MessageReceiver {

    private ExecutorService workers;
    private volatile SmtpServer server;

    public SmtpdConsumer(SmtpdEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public SmtpdEndpoint getEndpoint() {
        return (SmtpdEndpoint) super.getEndpoint();
    }

    /** The address the server listens on (tells the port when 0 was configured). */
    public InetSocketAddress getLocalAddress() {
        return server.localAddress();
    }

    /** True while the server runs and is not draining for shutdown: the listener takes new mail. */
    public boolean isAcceptingMail() {
        SmtpServer running = server;
        return running != null && running.isAcceptingMail();
    }

    @Override
    public CompletionStage<Void> receive(ReceivedMessage message) {
        Exchange exchange = createExchange(false);
        ExchangeEnvelope.populate(exchange.getMessage(), message);
        CompletableFuture<Void> outcome = new CompletableFuture<>();
        getAsyncProcessor().process(exchange, doneSync -> {
            try {
                complete(exchange, outcome);
            } finally {
                releaseExchange(exchange, false);
            }
        });
        return outcome;
    }

    private static void complete(Exchange exchange, CompletableFuture<Void> outcome) {
        Exception failure = exchange.getException();
        if (failure == null && !exchange.isRollbackOnly()) {
            outcome.complete(null);
            return;
        }
        MessageRejectedException rejection = ObjectHelper.getException(MessageRejectedException.class, failure);
        if (rejection != null) {
            outcome.completeExceptionally(rejection);
        } else {
            outcome.completeExceptionally(failure != null ? failure
                    : new IllegalStateException("the route rolled the message back"));
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        SmtpdConfiguration configuration = getEndpoint().getConfiguration();
        workers = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "smtpd-worker", configuration.getWorkerThreads());
        server = new SmtpServer(ServerConfigMapper.toServerConfig(getEndpoint(), workers), this);
        server.start();
    }

    @Override
    protected void doStop() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
        if (workers != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(workers);
            workers = null;
        }
        super.doStop();
    }
}
