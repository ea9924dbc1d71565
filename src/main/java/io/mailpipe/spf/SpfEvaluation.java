package io.mailpipe.spf;

import io.mailpipe.dns.Resolver;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One run of check_host() (RFC 7208 §4) with its recursion through include and redirect: record lookup and
 * selection (§4.4, §4.5), directives left to right (§4.6.2), redirect when nothing matched (§6.1), the default
 * result neutral (§4.7), the explanation on a final fail (§6.2), and the counters that enforce §4.6.4 across the whole
 * evaluation. Each DNS step is a stage; directives that need no DNS are evaluated in a plain loop.
 */
final class SpfEvaluation {

    private final Resolver resolver;
    private final SpfSettings settings;
    private final RecordFinder finder;
    private final MacroExpander expander;
    private final MacroContext context;
    private final MechanismMatcher matcher;
    private final ExplanationBuilder explanations;
    private final SpfTraceListener listener;
    private CompletionStage<List<String>> validatedNames;
    private int dnsTerms;
    private int voidLookups;

    SpfEvaluation(Resolver resolver, SpfSettings settings, RecordFinder finder, MacroString defaultExplanation,
            MacroContext context, SpfTraceListener listener) {
        this.resolver = resolver;
        this.settings = settings;
        this.finder = finder;
        this.expander = new MacroExpander(settings.maxExpansionLength());
        this.context = context;
        this.matcher = new MechanismMatcher(this);
        this.explanations = new ExplanationBuilder(this, defaultExplanation);
        this.listener = listener;
    }

    Resolver resolver() {
        return resolver;
    }

    SpfSettings settings() {
        return settings;
    }

    InetAddress client() {
        return context.client();
    }

    MacroContext context() {
        return context;
    }

    MacroExpander expander() {
        return expander;
    }

    /**
     * check_host() at the top level: the verdict of {@link #checkHost}, with the explanation (§6.2) when it is a
     * fail, built from the exp of the record that decided (for a redirect, the target's). Levels reached through
     * include never build one: their fail only means "no match" (§5.2).
     */
    CompletionStage<Verdict> check(String domain) {
        return checkHost(domain).thenCompose(verdict -> verdict.outcome() != SpfOutcome.FAIL
                ? CompletableFuture.completedFuture(verdict)
                : explanations.explain(verdict.exp(), verdict.domain()).thenApply(verdict::withExplanation));
    }

    /** check_host() for {@code domain}: a verdict, {@code none} when there is no record or the name is unusable. */
    CompletionStage<Verdict> checkHost(String domain) {
        if (listener != null) {
            listener.checkHost(domain);
        }
        if (!SpfDomains.isValidDomain(domain)) {
            return CompletableFuture.completedFuture(Verdict.none(domain));
        }
        return finder.find(domain).thenCompose(record -> record == null
                ? CompletableFuture.completedFuture(Verdict.none(domain))
                : evaluate(record, domain, 0));
    }

    private CompletionStage<Verdict> evaluate(SpfRecord record, String domain, int from) {
        List<SpfRecord.Directive> directives = record.directives();
        for (int i = from; i < directives.size(); i++) {
            SpfRecord.Directive directive = directives.get(i);
            Mechanism mechanism = directive.mechanism();
            if (mechanism.queriesDns()) {
                countDnsTerm();
                int next = i + 1;
                return matcher.matches(mechanism, domain).thenCompose(hit -> {
                    trace(domain, directive, hit);
                    return hit ? matched(record, directive, domain) : evaluate(record, domain, next);
                });
            }
            boolean hit = matcher.matchesWithoutDns(mechanism);
            trace(domain, directive, hit);
            if (hit) {
                return matched(record, directive, domain);
            }
        }
        if (record.redirect() != null) {
            return redirect(record.redirect(), domain);
        }
        return CompletableFuture.completedFuture(new Verdict(SpfOutcome.NEUTRAL, domain, "", record.exp()));
    }

    private CompletionStage<Verdict> matched(SpfRecord record, SpfRecord.Directive directive, String domain) {
        return CompletableFuture.completedFuture(
                new Verdict(directive.qualifier().outcome(), domain, directive.text(), record.exp()));
    }

    private void trace(String domain, SpfRecord.Directive directive, boolean matched) {
        if (listener != null) {
            listener.directive(domain, directive.text(), matched);
        }
    }

    private CompletionStage<Verdict> redirect(MacroString target, String domain) {
        countDnsTerm();
        return expandDomain(target, domain).thenCompose(name -> {
            if (listener != null) {
                listener.redirect(domain, name);
            }
            return checkHost(name);
        }).thenApply(verdict -> {
            if (verdict.outcome() == SpfOutcome.NONE) {
                throw SpfAbort.permerror("redirect target " + verdict.domain() + " has no SPF record");
            }
            return verdict;
        });
    }

    /** Expands a domain-spec against the current domain and applies the 253-character rule of §7.3. */
    CompletionStage<String> expandDomain(MacroString spec, String domain) {
        return expand(spec, domain).thenApply(SpfDomains::truncate);
    }

    /** Expands any macro-string against the current domain, looking up the {@code p} value first if needed. */
    CompletionStage<String> expand(MacroString macro, String domain) {
        MacroContext current = context.withDomain(domain);
        if (!macro.uses('p')) {
            return CompletableFuture.completedFuture(expander.expand(macro, current));
        }
        return validatedNames().thenApply(names -> expander.expand(macro,
                current.withValidatedName(PtrValidation.preferredName(names, domain))));
    }

    /** The client's validated reverse names (§5.5), looked up once per evaluation. */
    CompletionStage<List<String>> validatedNames() {
        if (validatedNames == null) {
            validatedNames = PtrValidation.validatedNames(resolver, context.client(),
                    settings.maxNamesPerLookup());
        }
        return validatedNames;
    }

    /** Counts a mechanism or modifier that queries DNS; the 11th aborts with permerror (§4.6.4). */
    void countDnsTerm() {
        dnsTerms++;
        if (dnsTerms > settings.maxDnsTerms()) {
            throw SpfAbort.permerror("more than " + settings.maxDnsTerms() + " DNS-querying terms");
        }
    }

    /** Counts a lookup that found nothing; the third aborts with permerror (§4.6.4). */
    void countVoidLookup(String name) {
        voidLookups++;
        if (voidLookups > settings.maxVoidLookups()) {
            throw SpfAbort.permerror("more than " + settings.maxVoidLookups() + " void lookups (last: " + name
                    + ")");
        }
    }
}
