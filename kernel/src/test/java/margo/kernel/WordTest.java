package margo.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WordTest {

    @Test
    void completionReplacesWhatWasTypedOfTheIdentifier() {
        assertEquals(new Word("impl", 8, 12), Word.endingAt("let v = impl", 12));
        assertEquals(new Word("im", 8, 10), Word.endingAt("let v = impl", 10));
    }

    @Test
    void inspectionTakesTheWholeIdentifierAroundTheCursor() {
        assertEquals(new Word("implied_vol", 8, 19), Word.around("let v = implied_vol(1, 2)", 10));
        assertEquals(new Word("implied_vol", 8, 19), Word.around("let v = implied_vol(1, 2)", 19));
    }

    @Test
    void thereIsNoWordBetweenSymbols() {
        assertEquals(new Word("", 5, 5), Word.endingAt("1 + (", 5));
    }

    @Test
    void positionsAreJavaIndicesAfterTheServerConvertedJupytersCodePoints() {
        // "𝜎" is one code point but two UTF-16 units: Jupyter's cursor 8 is index 9, just after "im".
        assertEquals(new Word("im", 7, 9), Word.endingAt("\"𝜎\" + im", 9));
    }
}
