package margo.dsl.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> PARAMETERS = List.of("v0", "kappa", "theta", "xi", "rho");

    @Test
    void oneLetterTypoSuggestsTheNearestName() {
        assertEquals("did you mean kappa?", Suggestions.didYouMean("kapa", PARAMETERS));
        assertEquals("theta", Suggestions.closest("thtea", PARAMETERS));
    }

    @Test
    void unrelatedWordGetsNoSuggestion() {
        assertNull(Suggestions.didYouMean("volatility", PARAMETERS));
    }

    @Test
    void exactNameIsNotSuggestedBackAsATypo() {
        assertNull(Suggestions.closest("rho", PARAMETERS));
    }
}
