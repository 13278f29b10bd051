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
    void aOneLineStringRunningToTheEndOfItsLineIsInvalid() {
        assertEquals("invalid", CellCompleteness.of("let path = \"data/x.csv\nshow path"));
    }
}
