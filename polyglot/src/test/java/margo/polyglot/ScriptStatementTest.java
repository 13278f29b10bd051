package margo.polyglot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.run.Execution;
import margo.dsl.run.Mode;
import margo.dsl.run.Session;
import margo.dsl.syntax.SourceFile;
import margo.dsl.value.NumberValue;
import margo.dsl.value.TableValue;
import margo.dsl.value.TextValue;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * {@code script js """...""" exports f, g as text} in recipes and notebook cells: the functions are called where
 * built-ins are, checked at check time, and a failing script is an error at its own line while the session goes on.
 */
class ScriptStatementTest {

    private static final Path DATA = Path.of("..", "examples", "data").toAbsolutePath().normalize();

    private static final String BUMP = """
            script js \"""
            function bump(x, by) {
              return x * (1 + by);
            }
            function side(t) { return t === "call" ? "C" : "P"; }
            \""" exports bump, side as text
            """;

    private static Execution run(Session session, String text, Mode mode) {
        return session.run(new SourceFile("test.margo", text), mode);
    }

    private static List<String> errors(Execution execution) {
        return execution.diagnostics().stream().filter(Diagnostic::isError)
                .map(d -> d.span().line() + ":" + d.span().column() + " " + d.message()).collect(Collectors.toList());
    }

    @Test
    void exportedFunctionsAreCalledInLetSetAndKeep() {
        Execution execution = run(new Session(DATA), BUMP + """
                let a = bump(2, 10%)
                data chain = options("deribit-btc-sample.csv") {
                  keep bid > 0 and bump(mid_iv, 0) > 0.5
                  set iv_up = bump(mid_iv, 5%)
                  set letter = side(type)
                }
                show a
                show chain
                """, Mode.RECIPE);
        assertEquals(List.of(), errors(execution));
        assertEquals(2.2, ((NumberValue) execution.shown().get(0).value()).value(), 1e-15);
        Table chain = ((TableValue) execution.shown().get(1).value()).table();
        assertTrue(chain.rowCount() > 10);
        for (int row = 0; row < chain.rowCount(); row++) {
            double iv = chain.doubleColumn("mid_iv").getDouble(row);
            assertTrue(iv > 0.5);
            assertEquals(iv * 1.05, chain.doubleColumn("iv_up").getDouble(row), 1e-15);
            assertEquals(chain.stringColumn("type").get(row).equals("call") ? "C" : "P",
                    chain.stringColumn("letter").get(row));
        }
    }

    @Test
    void theArityIsCheckedWithoutRunning() {
        Execution checked = new Session(DATA).check(new SourceFile("test.margo", BUMP + "let a = bump(2)\n"),
                Mode.RECIPE);
        assertEquals(List.of("7:9 bump takes 2 arguments, not 1"), errors(checked));
    }

    @Test
    void aSyntaxErrorInTheScriptIsAtItsLineInTheRecipe() {
        Execution execution = run(new Session(DATA), """
                let x = 1
                script js \"""
                function f(x) {
                  return x +* 2;
                }
                \""" exports f
                """, Mode.RECIPE);
        List<String> errors = errors(execution);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.getFirst().startsWith("4:"), errors.toString());
    }

    @Test
    void aScriptThatThrowsIsAnErrorAtItsLineAndTheSessionGoesOn() {
        Session session = new Session(DATA);
        Execution failed = run(session, """
                script js \"""
                function risky(x) {
                  if (x > 1) {
                    throw new Error("too big: " + x);
                  }
                  return x;
                }
                \""" exports risky
                let y = risky(5)
                """, Mode.CELL);
        List<String> errors = errors(failed);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.getFirst().startsWith("4:11 risky(...) threw Error: too big: 5 (called on line 9)"),
                errors.toString());
        Execution next = run(session, "let z = risky(0.5)\nz\n", Mode.CELL);
        assertEquals(List.of(), errors(next));
        assertEquals(0.5, ((NumberValue) next.shown().getFirst().value()).value());
    }

    @Test
    void anEndlessLoopInASetIsStoppedAtTheScriptsLineAndTheSessionGoesOn() {
        Session session = new Session(DATA);
        Execution failed = run(session, """
                script js \"""
                function spin(x) {
                  while (true) { x = x + 1; }
                }
                function half(x) { return x / 2; }
                \""" exports spin, half
                data chain = options("deribit-btc-sample.csv") {
                  set s = spin(strike)
                }
                """, Mode.CELL);
        List<String> errors = errors(failed);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.getFirst().startsWith("3:"), errors.toString());
        assertTrue(errors.getFirst().contains("row 1 of the table"), errors.toString());
        Execution next = run(session, "half(3)\n", Mode.CELL);
        assertEquals(List.of(), errors(next));
        assertEquals(1.5, ((NumberValue) next.shown().getFirst().value()).value());
    }

    @Test
    void aResultOfTheWrongKindIsAnError() {
        Execution execution = run(new Session(DATA), """
                script js \"""
                function label(x) { return "x" + x; }
                \""" exports label
                let a = label(1)
                """, Mode.RECIPE);
        assertEquals(List.of("4:9 label(...) returned text \"x1\" on line 4, but is exported as a number"),
                errors(execution));
    }

    @Test
    void aTextExportReturnsText() {
        Execution execution = run(new Session(DATA), BUMP + "side(\"put\")\n", Mode.RECIPE);
        assertEquals(List.of(), errors(execution));
        assertEquals("P", ((TextValue) execution.shown().getFirst().value()).value());
    }

    @Test
    void aMissingExportIsAnErrorAtItsName() {
        Execution execution = run(new Session(DATA), "script js \"\"\"function f(x) { return x; }\"\"\" exports f, g\n",
                Mode.RECIPE);
        assertEquals(List.of("1:56 the script exports 'g' but does not define a function of that name"),
                errors(execution));
    }

    @Test
    void anUnknownLanguageIsAnError() {
        Execution execution = run(new Session(DATA), "script python \"\"\"def f(x): return x\"\"\" exports f\n",
                Mode.RECIPE);
        assertEquals(List.of("1:8 unknown script language 'python'"), errors(execution));
    }

    @Test
    void aScriptCannotReplaceABuiltIn() {
        Execution execution = run(new Session(DATA), "script js \"\"\"function abs(x) { return 1; }\"\"\" exports abs\n",
                Mode.RECIPE);
        assertFalse(errors(execution).isEmpty());
        assertTrue(errors(execution).getFirst().contains("'abs' is a built-in function"));
    }
}
