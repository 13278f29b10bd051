package margo.dsl.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

    @Test
    void aLongLineIsPrintedAsAWindowAroundTheSpanWithTheCaretUnderIt() {
        String padding = "x".repeat(10_000_000);
        SourceFile source = new SourceFile("t.margo", "let a = \"" + padding + "\" + nope + \"" + padding + "\"\n");
        int start = 8 + padding.length() + 5;
        Span span = new Span(1, start + 1, 1, start + 5, start, start + 4);
        String text = DiagnosticFormatter.format(Diagnostic.error(source, span, "unknown name 'nope'"));
        List<String> lines = text.lines().toList();
        // 40 characters before the span: 36 of the padding, the quote, a space, a plus and a space.
        String shown = "…" + "x".repeat(36) + "\" + nope + \"" + "x".repeat(160 - 36 - 12) + "…("
                + source.line(1).length() + " characters)";
        assertEquals("  1 | " + shown, lines.get(1));
        assertEquals("    | " + " ".repeat(1 + 40) + "^^^^", lines.get(2));
        assertTrue(text.length() < 400, () -> text.length() + " characters");
    }

    @Test
    void aSpanOverALongLineIsUnderlinedToTheEndOfTheWindow() {
        String line = "show " + "1 + ".repeat(100) + "nope";
        SourceFile source = new SourceFile("t.margo", line + "\n");
        Span span = new Span(1, 6, 1, line.length() + 1, 5, line.length());
        String text = DiagnosticFormatter.format(Diagnostic.error(source, span, "unknown name 'nope'"));
        assertEquals("  1 | " + line.substring(0, 160) + "…(" + line.length() + " characters)", text.lines().toList().get(1));
        assertEquals("    | " + " ".repeat(5) + "^".repeat(155), text.lines().toList().get(2));
    }
}
