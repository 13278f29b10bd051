package margo.polyglot;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;

/**
 * {@code model M = characteristic_function { parameters { ... }  cf js NAME }}: checked like any model, and a
 * characteristic function that misbehaves during a calibration is an error at its own line, after which the
 * session goes on.
 */
class CharacteristicFunctionModelTest {

    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    /** Black-Scholes as a characteristic function: phi(u) = exp(-sigma^2 t (u^2 + i u) / 2). */
    private static final String GAUSSIAN = """
            script js \"""
            function gaussian(u, t, p) {
              const v = p.sigma * p.sigma * t;
              const m = Math.exp(-0.5 * v * u * u);
              return [m * Math.cos(-0.5 * v * u), m * Math.sin(-0.5 * v * u)];
            }
            function two(u, t) { return [1, 0]; }
            \""" exports gaussian, two
            """;

    private static List<String> errors(Execution execution) {
        return execution.diagnostics().stream().filter(Diagnostic::isError)
                .map(d -> d.span().line() + ":" + d.span().column() + " " + d.message()).collect(Collectors.toList());
    }

    private static Execution check(String recipe) {
        return new Session(EXAMPLES).check(new SourceFile("test.margo", GAUSSIAN + recipe), Mode.RECIPE);
    }

    @Test
    void aModelNeedsAThreeParameterFunctionThatAScriptExports() {
        assertEquals(List.of("9:71 a characteristic function takes (u, t, p), 3 parameters; two declares 2"),
                errors(check("model m = characteristic_function { parameters { a in [0, 1] }  cf js two }\n")));
        assertEquals(List.of("9:71 no script exports a function 'nothing'"),
                errors(check("model m = characteristic_function { parameters { a in [0, 1] }  cf js nothing }\n")));
        assertEquals(List.of("9:11 a characteristic_function model needs its characteristic function"),
                errors(check("model m = characteristic_function { parameters { a in [0, 1] } }\n")));
    }

    @Test
    void theParametersAreCheckedAsAnyModels() {
        assertEquals(List.of("9:50 the bounds of 'a' are empty: the lower 2 is above the upper 1",
                        "9:70 the parameter 'a' is given twice"),
                errors(check("model m = characteristic_function { parameters { a in [2, 1]; b = 3; a = 1 } cf js gaussian }\n")));
    }

    @Test
    void aCharacteristicFunctionThatNeverReturnsStopsTheFitAtItsLineAndTheSessionGoesOn() {
        Session session = new Session(EXAMPLES);
        Execution failed = session.run(new SourceFile("cell.margo", """
                script js \"""
                function stuck(u, t, p) {
                  while (u > 5) { t = t + 1; }
                  const v = p.sigma * p.sigma * t, m = Math.exp(-0.5 * v * u * u);
                  return [m * Math.cos(-0.5 * v * u), m * Math.sin(-0.5 * v * u)];
                }
                \""" exports stuck
                data chain = options("data/deribit-btc-sample.csv") { keep bid_iv > 0 and ask_iv > 0 }
                model m = characteristic_function { parameters { sigma in [0.1, 2] start 0.5 }  cf js stuck }
                fit f = calibrate m to chain { starts 2 }
                """), Mode.CELL);
        List<String> errors = errors(failed);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.getFirst().startsWith("3:"), errors.toString());
        assertTrue(errors.getFirst().contains("the characteristic function stuck(...) ran out of resources"),
                errors.toString());
        Execution next = session.run(new SourceFile("cell.margo", "1 + 1\n"), Mode.CELL);
        assertEquals(List.of(), errors(next));
        assertEquals(2.0, ((NumberValue) next.shown().getFirst().value()).value());
    }

    @Test
    void aCharacteristicFunctionThatIsNotOneAtZeroIsAnErrorAtItsDeclarationNotANaNObjective() {
        Execution failed = new Session(EXAMPLES).run(new SourceFile("cell.margo", """
                script js \"""
                  function unnormalised(u, t, p) {
                  const v = p.sigma * p.sigma * t, m = 2 * Math.exp(-0.5 * v * u * u);
                  return [m * Math.cos(-0.5 * v * u), m * Math.sin(-0.5 * v * u)];
                }
                \""" exports unnormalised
                data chain = options("data/deribit-btc-sample.csv") { keep bid_iv > 0 and ask_iv > 0 }
                model m = characteristic_function { parameters { sigma in [0.1, 2] start 0.5 }  cf js unnormalised }
                fit f = calibrate m to chain { starts 1 }
                """), Mode.CELL);
        List<String> errors = errors(failed);
        assertEquals(1, errors.size(), errors.toString());
        // One start, so the failure reported is the declared start's (with two, whichever start fails first).
        assertTrue(errors.getFirst().matches("2:3 the characteristic function unnormalised\\(0, [0-9.E-]+, p\\) returned"
                + " \\[2\\.0, -?0\\.0], but it must be \\[1, 0] at u = 0 \\(with p: sigma 0\\.5\\)"), errors.toString());
    }

    @Test
    void aResultOfTheWrongShapeIsAnErrorAtTheFunctionsDeclaration() {
        Execution failed = new Session(EXAMPLES).run(new SourceFile("cell.margo", """
                script js \"""
                function single(u, t, p) { return [1]; }
                \""" exports single
                data chain = options("data/deribit-btc-sample.csv") { keep bid_iv > 0 and ask_iv > 0 }
                model m = characteristic_function { parameters { sigma = 0.5 }  cf js single }
                show price(m, chain)
                """), Mode.CELL);
        assertEquals(List.of("2:1 the characteristic function single(...) returned an array of 1, but must return a"
                + " pair of numbers [re, im]"), errors(failed));
    }
}
