package margo.dsl.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import margo.dsl.syntax.SourceFile;
import margo.dsl.syntax.Span;
import org.junit.jupiter.api.Test;

class DiagnosticFormatterTest {

    @Test
    void printsLocationSourceLineCaretUnderTheSpanAndHint() {
        SourceFile source = new SourceFile("examples/errors.margo", "data c = options(\"x.csv\") {\n  keep bid_vi > 0\n}\n");
        Span span = new Span(2, 8, 2, 14, 35, 41);
        String text = DiagnosticFormatter.format(Diagnostic.error(source, span, "unknown column 'bid_vi'", "did you mean bid_iv?"));
        assertEquals("""
                examples/errors.margo:2:8: error: unknown column 'bid_vi'
                  2 |   keep bid_vi > 0
                    |        ^^^^^^
                  hint: did you mean bid_iv?
                """, text);
    }

    @Test
    void caretKeepsTabsSoItLinesUpUnderTabIndentedCode() {
        SourceFile source = new SourceFile("t.margo", "\tshow x\n");
        String text = DiagnosticFormatter.format(Diagnostic.error(source, new Span(1, 7, 1, 8, 6, 7), "unknown name 'x'"));
        assertEquals("    | \t     ^", text.lines().toList().get(2));
    }

    @Test
    void spanRunningOverSeveralLinesIsUnderlinedToTheEndOfItsFirstLine() {
        SourceFile source = new SourceFile("t.margo", "let x = max(1,\n 2)\n");
        String text = DiagnosticFormatter.format(Diagnostic.warning(source, new Span(1, 9, 2, 4, 8, 18), "w"));
        assertEquals("    |         ^^^^^^", text.lines().toList().get(2));
        assertEquals("t.margo:1:9: warning: w", text.lines().findFirst().orElseThrow());
    }
}
