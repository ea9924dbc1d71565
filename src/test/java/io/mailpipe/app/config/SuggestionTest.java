package io.mailpipe.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** "Did you mean": edit distance, the closest candidate, and no suggestion for a name unlike any known one. */
class SuggestionTest {

    private static final List<String> KEYS = List.of("smtpd.max-recipients", "smtpd.max-connections",
            "smtpd.max-message-size", "spf.temperror", "spf.policy");

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, Suggestion.distance("abc", "abc"));
        assertEquals(1, Suggestion.distance("abc", "abxc"));
        assertEquals(1, Suggestion.distance("abc", "ac"));
        assertEquals(1, Suggestion.distance("abc", "abd"));
        assertEquals(3, Suggestion.distance("kitten", "sitting"));
        assertEquals(7, Suggestion.distance("", "sitting"));
    }

    @Test
    void aMisspeltKeySuggestsTheClosestKnownOne() {
        assertEquals(Optional.of("smtpd.max-recipients"), Suggestion.closest("smtpd.max-recipient", KEYS));
        assertEquals(Optional.of("smtpd.max-recipients"), Suggestion.closest("smtpd.max-recipents", KEYS));
        assertEquals(Optional.of("spf.temperror"), Suggestion.closest("spf.temperor", KEYS));
        assertEquals(Optional.of("smtpd.max-connections"), Suggestion.closest("smtpd.max_conections", KEYS));
    }

    @Test
    void environmentStyleNamesAreComparedLikeKeys() {
        assertEquals(Optional.of("SMTPD_MAX_RECIPIENTS"),
                Suggestion.closest("SMTPD_MAX_RECIPIENT", List.of("SMTPD_MAX_RECIPIENTS", "SMTPD_PORT")));
    }

    @Test
    void aNameUnlikeEveryKnownOneGetsNoSuggestion() {
        assertEquals(Optional.empty(), Suggestion.closest("smtpd.banner-delay", KEYS));
        assertEquals(Optional.empty(), Suggestion.closest("xyz", KEYS));
    }
}
