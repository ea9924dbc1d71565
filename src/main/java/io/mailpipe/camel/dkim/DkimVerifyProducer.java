package io.mailpipe.camel.dkim;

import io.mailpipe.camel.observe.MeteredResolver;
import io.mailpipe.camel.observe.PipelineMeters;
import io.mailpipe.camel.support.AuthenticationResults;
import io.mailpipe.camel.support.RawMessages;
import io.mailpipe.dkim.AuthResultsClause;
import io.mailpipe.dkim.DkimResult;
import io.mailpipe.dkim.DkimStatus;
import io.mailpipe.dkim.DkimVerification;
import io.mailpipe.dkim.DkimVerifier;
import io.mailpipe.dkim.ResolverKeyLookup;
import io.mailpipe.dkim.VerifierSettings;
import io.mailpipe.dns.CachingResolver;
import io.mailpipe.dns.DnsjavaResolverSettings;
import io.mailpipe.dns.Resolver;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * {@code dkim:verify}: checks every DKIM-Signature (RFC 6376 §6) with keys from the shared resolver, without
 * holding a thread while DNS answers; the signature checks and the rest of the route run on a Camel worker pool,
 * never on the resolver's I/O thread. Sets the result headers and adds one dkim= clause per signature to the
 * Authentication-Results field of the authserv-id (RFC 8601), merged with the clauses other checks added.
 */
public class DkimVerifyProducer extends DefaultAsyncProducer {

    private final DkimEndpoint endpoint;
    private DkimVerifier verifier;
    private String authservId;
    private ExecutorService workers;
    private PipelineMeters meters;

    public DkimVerifyProducer(DkimEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        VerifierSettings settings = VerifierSettings.defaults().withMaxSignatures(endpoint.getMaxSignatures())
                .withLookupTimeout(Duration.ofMillis(endpoint.getLookupTimeout()));
        workers = getEndpoint().getCamelContext().getExecutorServiceManager().newDefaultThreadPool(this, "dkim-verify");
        meters = PipelineMeters.of(getEndpoint().getCamelContext());
        verifier = new DkimVerifier(new ResolverKeyLookup(MeteredResolver.wrap(resolver(), meters)), settings,
                Clock.systemUTC(), workers);
        authservId = endpoint.getAuthservId() != null ? endpoint.getAuthservId() : localHostName();
    }

    @Override
    protected void doStop() throws Exception {
        if (workers != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(workers);
            workers = null;
        }
        super.doStop();
    }

    private Resolver resolver() {
        if (endpoint.getComponent().getResolver() != null) {
            return endpoint.getComponent().getResolver();
        }
        if (endpoint.getDnsServers() != null && !endpoint.getDnsServers().isBlank()) {
            return CachingResolver.overDnsjava(DnsjavaResolverSettings.defaults()
                    .withServers(DnsjavaResolverSettings.parseServers(endpoint.getDnsServers())));
        }
        return CachingResolver.overDnsjava(DnsjavaResolverSettings.defaults());
    }

    private static String localHostName() throws UnknownHostException {
        return InetAddress.getLocalHost().getCanonicalHostName();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<DkimVerification> result;
        try (InputStream in = RawMessages.body(exchange).open()) {
            result = verifier.verify(in).toCompletableFuture();
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (result.isDone()) {
            complete(exchange, result);
            callback.done(true);
            return true;
        }
        result.whenComplete((v, e) -> {
            complete(exchange, result);
            callback.done(false);
        });
        return false;
    }

    private void complete(Exchange exchange, CompletableFuture<DkimVerification> result) {
        try {
            DkimVerification verification = result.join();
            List<String> clauses = AuthResultsClause.clauses(verification);
            String summary = summary(verification);
            meters.registry().counter("mailpipe.dkim.results", "result", summary).increment();
            exchange.getMessage().setHeader(DkimConstants.RESULT, summary);
            exchange.getMessage().setHeader(DkimConstants.RESULTS, verification.results());
            exchange.getMessage().setHeader(DkimConstants.CLAUSES, clauses);
            for (String clause : clauses) {
                AuthenticationResults.addClause(exchange, authservId, clause);
            }
        } catch (RuntimeException e) {
            exchange.setException(e.getCause() != null ? e.getCause() : e);
        }
    }

    private static String summary(DkimVerification verification) {
        if (verification.unsigned()) {
            return "none";
        }
        if (verification.anyPass()) {
            return DkimStatus.PASS.keyword();
        }
        DkimResult first = verification.results().get(0);
        return first.status().keyword();
    }
}
