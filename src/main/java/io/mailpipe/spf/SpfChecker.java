package io.mailpipe.spf;

import io.mailpipe.dns.Resolver;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The SPF verifier (RFC 7208): checks the MAIL FROM identity (§2.4; for the null reverse-path the HELO identity
 * {@code postmaster@helo} is checked instead) or the HELO identity (§2.3), running check_host() (§4) on a
 * {@link Resolver} without blocking a thread per check. Thread-safe; one instance serves all checks.
 */
public final class SpfChecker {

    private final Resolver resolver;
    private final SpfSettings settings;
    private final RecordFinder finder;
    private final MacroString defaultExplanation;
    private final SpfTraceListener listener;

    public SpfChecker(Resolver resolver, SpfSettings settings) {
        this(resolver, settings, null);
    }

    /** A checker that reports every step of each evaluation to {@code listener} (null for none). */
    public SpfChecker(Resolver resolver, SpfSettings settings, SpfTraceListener listener) {
        this.resolver = resolver;
        this.settings = settings;
        this.finder = new RecordFinder(resolver);
        this.defaultExplanation = ExplanationBuilder.parseDefault(settings);
        this.listener = listener;
    }

    /** Checks MAIL FROM, or HELO when MAIL FROM is the null reverse-path (§2.4). */
    public CompletionStage<SpfResult> checkMailFrom(SpfRequest request) {
        if (request.mailFrom().isEmpty()) {
            return checkHelo(request);
        }
        String mailFrom = request.mailFrom();
        int at = mailFrom.lastIndexOf('@');
        String local = at <= 0 ? "postmaster" : mailFrom.substring(0, at);
        String domain = at < 0 ? mailFrom : mailFrom.substring(at + 1);
        return run(SpfIdentity.MAILFROM, request, local, domain);
    }

    /** Checks the HELO identity (§2.3) with {@code postmaster} as local-part. */
    public CompletionStage<SpfResult> checkHelo(SpfRequest request) {
        return run(SpfIdentity.HELO, request, "postmaster", request.helo());
    }

    private CompletionStage<SpfResult> run(SpfIdentity identity, SpfRequest request, String local, String domain) {
        String sender = local + "@" + domain;
        InetAddress client = request.clientIp();
        MacroContext context = new MacroContext(sender, local, domain, domain, client, request.helo(), null,
                settings.receiver(), settings.clock().instant().getEpochSecond());
        SpfEvaluation evaluation = new SpfEvaluation(resolver, settings, finder, defaultExplanation, context,
                listener);
        CompletionStage<Verdict> verdict;
        try {
            verdict = evaluation.check(domain);
        } catch (SpfAbort abort) {
            verdict = CompletableFuture.failedFuture(abort);
        }
        return verdict.handle((done, error) -> toResult(identity, sender, domain, done, error));
    }

    private static SpfResult toResult(SpfIdentity identity, String sender, String domain, Verdict verdict,
            Throwable error) {
        if (error == null) {
            return new SpfResult(verdict.outcome(), identity, sender, verdict.domain(), verdict.explanation(),
                    verdict.mechanism(), "");
        }
        SpfAbort abort = SpfAbort.find(error);
        if (abort == null) {
            return new SpfResult(SpfOutcome.TEMPERROR, identity, sender, domain, "", "",
                    "internal error: " + error);
        }
        return new SpfResult(abort.outcome(), identity, sender, domain, "", "", abort.getMessage());
    }
}
