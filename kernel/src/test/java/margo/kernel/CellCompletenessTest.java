package margo.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CellCompletenessTest {

    @Test
    void aCellWithBalancedBracketsIsComplete() {
        assertEquals("complete", CellCompleteness.of("data chain = options(\"data/x.csv\") {\n  keep bid > 0\n}\nshow chain"));
    }

    @Test
    void anOpenBlockAsksForAnIndentedLine() {
        assertEquals("  ", CellCompleteness.of("data chain = options(\"data/x.csv\") {\n  keep bid > 0"));
    }

    @Test
    void nestedOpenBracketsIndentOnceEach() {
        assertEquals("    ", CellCompleteness.of("show chain { columns [strike,"));
    }

    @Test
    void anOpenTripleQuotedStringIsIncomplete() {
        assertEquals("", CellCompleteness.of("script js \"\"\"\nfunction f(x) {"));
        assertEquals("complete", CellCompleteness.of("script js \"\"\"\nfunction f(x) { return x }\n\"\"\" exports f"));
    }

    @Test
    void bracketsInStringsAndCommentsDoNotCount() {
        assertEquals("complete", CellCompleteness.of("let label = \"{ [ (\"  # an open { in a comment"));
    }

    @Test
    void aBracketClosingNothingIsInvalid() {
        assertEquals("invalid", CellCompleteness.of("let x = 1 }"));
        assertEquals("invalid", CellCompleteness.of("let x = max(1, 2]"));
    }

    @Test
    void aDanglingOperatorWaitsForItsOperandAsTheParserDoes() {
        assertEquals("", CellCompleteness.of("let x = 1 +"));
        assertEquals("", CellCompleteness.of("let x = 1 +\n"));
        assertEquals("", CellCompleteness.of("let total = a and"));
        assertEquals("complete", CellCompleteness.of("let x = 1 +\n  2"));
    }

    @Test
    void aStatementCutShortAtTheEndIsIncomplete() {
        assertEquals("", CellCompleteness.of("let x ="));
        assertEquals("", CellCompleteness.of("fit hf = calibrate hs to"));
        assertEquals("  ", CellCompleteness.of("show black(60000,"));
    }

    @Test
    void aMistakeBeforeTheEndIsInvalidWhateverFollows() {
        assertEquals("invalid", CellCompleteness.of("let x = * 2"));
        assertEquals("invalid", CellCompleteness.of("let x = 1 +\nshow x"));
        assertEquals("invalid", CellCompleteness.of("let = 3\nlet y = (1 +"));
    }

    @Test
    void unknownNamesAreForRunningNotForIsComplete() {
        assertEquals("complete", CellCompleteness.of("show nope + 1"));
    }

    @Test
    void aOneLineStringRunningToTheEndOfItsLineIsInvalid() {
        assertEquals("invalid", CellCompleteness.of("let path = \"data/x.csv\nshow path"));
    }
}
