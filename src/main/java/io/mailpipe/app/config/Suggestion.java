package io.mailpipe.app.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean …?" for a misspelt key: the known name at the smallest edit distance (Levenshtein: insertions,
 * deletions, substitutions), compared case-insensitively with '-', '_' and '.' treated alike, when that distance
 * is small for the length of the name.
 */
public final class Suggestion {

    private Suggestion() {
    }

    /** The candidate closest to {@code unknown}, if close enough to be a plausible misspelling. */
    public static Optional<String> closest(String unknown, Collection<String> candidates) {
        String target = normalise(unknown);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(target, normalise(candidate));
            if (distance < bestDistance || distance == bestDistance && candidate.compareTo(best) < 0) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= tolerance(target) ? Optional.of(best) : Optional.empty();
    }

    /** Up to a third of the name, at least 2 edits, at most 6. */
    static int tolerance(String name) {
        return Math.max(2, Math.min(6, name.length() / 3));
    }

    static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '.').replace('-', '.');
    }

    /** Levenshtein distance over two rows of the dynamic-programming table. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
