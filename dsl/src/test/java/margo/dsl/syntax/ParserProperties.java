package margo.dsl.syntax;

import static org.junit.jupiter.api.Assertions.assertTrue;

import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.diagnostic.DiagnosticFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ParserProperties {

    /** Fragments of recipes, glued at random: mostly nonsense, sometimes almost right. */
    @Provide
    Arbitrary<String> recipeLikeText() {
        Arbitrary<String> fragment = Arbitraries.of(
                "data", "let", "show", "plot", "model", "fit", "calibrate", "to", "keep", "set", "require", "penalty",
                "in", "start", "x", "chain", "options(\"a.csv\")", " = ", "{", "}", "(", ")", "[", "]", ",", ";", "\n",
                " ", "1", "16%", "2d", "25bp", "1e-8", "2024-03-29", "2024-03-29T08:00Z", "\"s\"", "\"\"\"", "+", "-",
                "*", "/", "^", "<", "<=", "==", "!=", "and", "or", "not", "..", "step", "#c\n", "\t", "!", "@", "5kg");
        return fragment.list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Property(tries = 2000)
    void parsingNeverThrowsAndEveryDiagnosticPointsInsideTheText(@ForAll("recipeLikeText") String text) {
        Parser.ParseResult result = Parser.parse(new SourceFile("p.margo", text));
        for (Diagnostic diagnostic : result.diagnostics()) {
            Span span = diagnostic.span();
            assertTrue(span.start() <= text.length() && span.end() <= text.length(), () -> span + " outside " + text.length());
            assertTrue(!DiagnosticFormatter.format(diagnostic).isEmpty());
        }
    }
}
