package io.mailpipe.spf;

import io.mailpipe.dns.DnsAnswer;
import io.mailpipe.dns.TxtRecord;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Builds the explanation for a fail result (RFC 7208 §6.2): expands the exp= domain-spec, fetches exactly one TXT
 * record there, parses it as an explain-string (macros including c, r and t of §7.2) and expands it. Any DNS
 * error, missing or extra record, syntax error or non-ASCII text falls back to the receiver's default
 * explanation, which is itself an explain-string.
 */
final class ExplanationBuilder {

    private final SpfEvaluation evaluation;

    ExplanationBuilder(SpfEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    CompletionStage<String> explain(MacroString exp, String domain) {
        if (exp == null) {
            return CompletableFuture.completedFuture(defaultExplanation(domain));
        }
        return CompletableFuture.completedFuture(exp)
                .thenCompose(spec -> evaluation.expandDomain(spec, domain))
                .thenCompose(target -> evaluation.resolver().lookupTxt(target))
                .thenCompose(answer -> fromAnswer(answer, domain))
                .exceptionally(error -> {
                    if (SpfAbort.find(error) == null) {
                        throw new IllegalStateException(error);
                    }
                    return defaultExplanation(domain);
                });
    }

    private CompletionStage<String> fromAnswer(DnsAnswer<TxtRecord> answer, String domain) {
        if (!answer.isFound() || answer.records().size() != 1) {
            return CompletableFuture.completedFuture(defaultExplanation(domain));
        }
        MacroString text;
        try {
            text = MacroParser.parse(answer.records().get(0).text(), true);
        } catch (SpfSyntaxException e) {
            return CompletableFuture.completedFuture(defaultExplanation(domain));
        }
        return evaluation.expand(text, domain);
    }

    private String defaultExplanation(String domain) {
        try {
            MacroString text = MacroParser.parse(evaluation.settings().defaultExplanation(), true);
            return evaluation.expander().expand(text, evaluation.context().withDomain(domain));
        } catch (SpfSyntaxException | SpfAbort e) {
            return evaluation.settings().defaultExplanation();
        }
    }
}
