package io.mailpipe.camel.spf;

import io.mailpipe.camel.observe.PipelineMeters;
import io.mailpipe.camel.support.AuthenticationResults;
import io.mailpipe.camel.support.RawMessages;
import io.mailpipe.smtp.MessageRejectedException;
import io.mailpipe.smtp.SmtpReply;
import io.mailpipe.spf.ReceivedSpfField;
import io.mailpipe.spf.SpfAuthenticationResults;
import io.mailpipe.spf.SpfChecker;
import io.mailpipe.spf.SpfOutcome;
import io.mailpipe.spf.SpfRequest;
import io.mailpipe.spf.SpfResult;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Runs the SPF check of one exchange asynchronously (no thread waits on DNS), then sets the result headers, adds
 * Received-SPF (RFC 7208 §9.1) and the Authentication-Results clause (RFC 8601 §2.7.2), and applies the policy:
 * 550 5.7.23 for a rejected fail/softfail, 451 4.7.24 for a deferred temperror (RFC 7372 §3.2). Routing then
 * continues on a Camel thread pool, never on the resolver's I/O thread.
 */
final class SpfProducer extends DefaultAsyncProducer {

    private final SpfEndpoint endpoint;
    private final SpfChecker checker;
    private ExecutorService continuation;
    private PipelineMeters meters;

    SpfProducer(SpfEndpoint endpoint, SpfChecker checker) {
        super(endpoint);
        this.endpoint = endpoint;
        this.checker = checker;
    }

    /** Routing resumes on a Camel pool, never on the DNS I/O thread that completes the check. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        continuation = endpoint.getCamelContext().getExecutorServiceManager().newDefaultThreadPool(this, "SpfCheck");
        meters = PipelineMeters.of(endpoint.getCamelContext());
    }

    @Override
    protected void doStop() throws Exception {
        if (continuation != null) {
            endpoint.getCamelContext().getExecutorServiceManager().shutdown(continuation);
            continuation = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        SpfRequest request;
        try {
            request = requestOf(exchange);
        } catch (IllegalArgumentException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        checker.checkMailFrom(request).whenCompleteAsync((result, error) -> {
            try {
                if (error != null) {
                    exchange.setException(error);
                } else {
                    record(exchange, request, result);
                    enforce(exchange, result);
                }
            } catch (RuntimeException e) {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        }, continuation);
        return false;
    }

    private SpfRequest requestOf(Exchange exchange) {
        String ip = exchange.getMessage().getHeader(endpoint.getClientIpHeader(), String.class);
        if (ip == null || ip.isBlank()) {
            throw new IllegalArgumentException("spf:check needs the client IP in header " + endpoint.getClientIpHeader());
        }
        String mailFrom = exchange.getMessage().getHeader(endpoint.getMailFromHeader(), "", String.class);
        String helo = exchange.getMessage().getHeader(endpoint.getHeloHeader(), "", String.class);
        return new SpfRequest(addressLiteral(ip.trim()), mailFrom, helo);
    }

    private static InetAddress addressLiteral(String text) {
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean plausible = !literal.isEmpty() && literal.chars()
                .allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
        try {
            if (plausible) {
                return InetAddress.getByName(literal);
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + text, e);
        }
        throw new IllegalArgumentException("not an IP address: " + text);
    }

    private void record(Exchange exchange, SpfRequest request, SpfResult result) {
        exchange.getMessage().setHeader(SpfConstants.SPF_RESULT, result.outcome().keyword());
        meters.registry().counter("mailpipe.spf.results", "result", result.outcome().keyword()).increment();
        exchange.getMessage().setHeader(SpfConstants.SPF_EXPLANATION, result.explanation());
        exchange.getMessage().setHeader(SpfConstants.SPF_RESULT_DETAIL, result);
        if (endpoint.isReceivedSpf()) {
            String field = ReceivedSpfField.build(result, request, endpoint.receiverName());
            RawMessages.prependField(exchange, field.getBytes(StandardCharsets.UTF_8));
        }
        String authservId = endpoint.getAuthservId();
        if (authservId != null && !authservId.isBlank()) {
            AuthenticationResults.addClause(exchange, authservId, SpfAuthenticationResults.clause(result, request));
        }
    }

    private void enforce(Exchange exchange, SpfResult result) {
        SpfOutcome outcome = result.outcome();
        SpfRejectPolicy policy = endpoint.getPolicy();
        boolean reject = outcome == SpfOutcome.FAIL && policy != SpfRejectPolicy.record
                || outcome == SpfOutcome.SOFTFAIL && policy == SpfRejectPolicy.rejectFailAndSoftfail;
        if (reject) {
            String text = result.explanation().isEmpty() ? "SPF validation failed for " + result.domain()
                    : "SPF validation failed: " + result.explanation();
            exchange.setException(new MessageRejectedException(SmtpReply.of(550, "5.7.23", text)));
        } else if (outcome == SpfOutcome.TEMPERROR && endpoint.getTemperror() == SpfTemperrorAction.defer) {
            exchange.setException(new MessageRejectedException(
                    SmtpReply.of(451, "4.7.24", "SPF validation error, try again later")));
        }
    }
}
