package io.mailpipe.feedback;

import io.mailpipe.smtp.SmtpReply;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Sorts failure replies into {@link BounceCategory categories} by ordered rules (first match wins, nothing matching
 * gives {@link BounceCategory#OTHER}) over the RFC 3463 enhanced status code and the reply text; the rules come from
 * a data file ({@link BounceRulesFile}), by default {@code bounce-rules.json} shipped in the jar.
 */
public final class BounceClassifier {

    /** The rules file inside the jar. */
    public static final String SHIPPED_RULES = "bounce-rules.json";

    private static volatile BounceClassifier shipped;

    private final List<BounceRule> rules;

    public BounceClassifier(List<BounceRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The classifier with the shipped rules (read once). */
    public static BounceClassifier shipped() {
        BounceClassifier classifier = shipped;
        if (classifier == null) {
            try (InputStream in = BounceClassifier.class.getClassLoader().getResourceAsStream(SHIPPED_RULES)) {
                if (in == null) {
                    throw new IllegalStateException(SHIPPED_RULES + " is missing from the class path");
                }
                classifier = new BounceClassifier(BounceRulesFile.read(in, SHIPPED_RULES));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shipped = classifier;
        }
        return classifier;
    }

    /** The shipped classifier when {@code file} is null or blank, else one with the rules of that file. */
    public static BounceClassifier fromFile(String file) throws IOException {
        if (file == null || file.isBlank()) {
            return shipped();
        }
        try (InputStream in = Files.newInputStream(Path.of(file.trim()))) {
            return new BounceClassifier(BounceRulesFile.read(in, file.trim()));
        }
    }

    public List<BounceRule> rules() {
        return rules;
    }

    /** The category and RFC 3463 class of a reply; a missing reply is {@link BounceCategory#OTHER}. */
    public BounceClass classify(SmtpReply reply) {
        if (reply == null) {
            return new BounceClass(BounceCategory.OTHER, null);
        }
        BounceCategory category = rules.stream().filter(rule -> rule.matches(reply)).map(BounceRule::category)
                .findFirst().orElse(BounceCategory.OTHER);
        return new BounceClass(category, BounceClass.statusClassOf(reply));
    }
}
