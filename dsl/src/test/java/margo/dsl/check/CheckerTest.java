package margo.dsl.check;

import static margo.dsl.run.Recipes.check;
import static margo.dsl.run.Recipes.located;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import margo.dsl.diagnostic.Diagnostic;
import margo.dsl.run.Execution;
import margo.dsl.run.Mode;
import margo.dsl.run.Session;
import margo.dsl.syntax.SourceFile;
import org.junit.jupiter.api.Test;

class CheckerTest {

    private static final String CHAIN = "data chain = options(\"chain.csv\") {\n";

    static Diagnostic only(Execution execution) {
        assertEquals(1, execution.diagnostics().size(), () -> located(execution.diagnostics()).toString());
        return execution.diagnostics().getFirst();
    }

    @Test
    void misspeltColumnInKeepIsReportedAtItsSpanWithTheNearestColumn() {
        Diagnostic error = only(check(CHAIN + "  keep bid_ivv > 0\n}\n"));
        assertEquals(List.of("2:8 unknown column 'bid_ivv'"), located(List.of(error)));
        assertEquals(7, error.span().length());
        assertEquals("did you mean bid_iv?", error.hint());
    }

    @Test
    void columnsAddedBySetAreInScopeOfLaterClauses() {
        Execution execution = check(CHAIN + "  set spread = ask - bid\n  keep spread < 0.01\n}\nshow chain { columns [instrument, spread] }\n");
        assertEquals(List.of(), located(execution.diagnostics()));
    }

    @Test
    void textWrittenWithoutQuotesGetsAHint() {
        Diagnostic error = only(check(CHAIN + "  keep type == call\n}\n"));
        assertEquals("2:16 unknown column 'call'", located(List.of(error)).getFirst());
        assertEquals("text is written in quotes: \"call\"", error.hint());
    }

    @Test
    void unknownFunctionSuggestsTheNearestBuiltin() {
        Diagnostic error = only(check("let x = sqr(4)\n"));
        assertEquals("1:9 unknown function 'sqr'", located(List.of(error)).getFirst());
        assertEquals("did you mean sqrt?", error.hint());
    }

    @Test
    void comparingANumberWithADurationIsAUnitMismatch() {
        Diagnostic error = only(check(CHAIN + "  keep time_to_expiry >= 7\n}\n"));
        assertEquals("2:8 unit mismatch: cannot compare a duration with a number", located(List.of(error)).getFirst());
        assertEquals("  keep time_to_expiry >= 7".length() - 7, error.span().length());
    }

    @Test
    void expiryComparedWithADurationMeansTimeRemainingInsideAChain() {
        assertEquals(List.of(), located(check(CHAIN + "  keep expiry >= 2d and time_to_expiry < 1y\n}\n").diagnostics()));
    }

    @Test
    void anInstantComparedWithADurationOutsideAChainIsAnError() {
        Diagnostic error = only(check("let late = 2024-03-29T08:00Z > 2d\n"));
        assertEquals(1, error.span().line());
        assertEquals(12, error.span().column());
        assertTrue(error.message().contains("time remaining"), error.message());
    }

    @Test
    void durationsAddToInstantsAndInstantsSubtractToDurations() {
        Execution execution = check("""
                let start = 2024-03-01T08:00Z
                let later = start + 2d + 8h
                let gap = later - start
                let long_enough = gap >= 1d
                """);
        assertEquals(List.of(), located(execution.diagnostics()));
    }

    @Test
    void addingANumberToADurationIsAUnitMismatch() {
        Diagnostic error = only(check("let t = 2d + 1\n"));
        assertEquals("1:9 unit mismatch: cannot apply '+' to a duration and a number", located(List.of(error)).getFirst());
    }

    @Test
    void percentagesAreNumbersInArithmetic() {
        assertEquals(List.of(), located(check("let width = 16% * 2 + 25bp\nlet big = width > 0.3\n").diagnostics()));
    }

    @Test
    void wrongArgumentCountNamesTheSignature() {
        Diagnostic error = only(check("let p = black(60000, 65000, 30d, 55%)\n"));
        assertEquals("1:9 black takes 5 arguments, not 4", located(List.of(error)).getFirst());
        assertEquals("black(forward, strike, time, vol, type); missing: type", error.hint());
    }

    @Test
    void maxNeedsAtLeastTwoArguments() {
        assertEquals("1:9 max takes at least 2 arguments, not 1", located(check("let m = max(1)\n").diagnostics()).getFirst());
    }

    @Test
    void anArgumentOfTheWrongKindIsReportedAtTheArgument() {
        Diagnostic error = only(check("let p = black(60000, \"65000\", 30d, 55%, \"call\")\n"));
        assertEquals("1:22 argument 'strike' of black must be a number, not text", located(List.of(error)).getFirst());
    }

    @Test
    void anOptionTypeOtherThanCallOrPutIsAnError() {
        Diagnostic error = only(check("let p = black(60000, 65000, 30d, 55%, \"cal\")\n"));
        assertEquals(39, error.span().column());
        assertEquals("did you mean call?", error.hint());
    }

    @Test
    void namedArgumentsBindByNameAndUnknownOnesAreReported() {
        assertEquals(List.of(), located(check("data c = options(\"x.csv\", as_of 2024-03-01T08:00Z)\n").diagnostics()));
        Diagnostic error = only(check("data c = options(\"x.csv\", as_off 2024-03-01T08:00Z)\n"));
        assertEquals("1:27 options has no parameter 'as_off'", located(List.of(error)).getFirst());
        assertEquals("did you mean as_of?", error.hint());
    }

    @Test
    void keepNeedsACondition() {
        Diagnostic error = only(check(CHAIN + "  keep strike * 2\n}\n"));
        assertEquals("2:8 keep needs a condition (true or false), not a number", located(List.of(error)).getFirst());
    }

    @Test
    void andNeedsBooleansOnBothSides() {
        Diagnostic error = only(check(CHAIN + "  keep bid > 0 and ask\n}\n"));
        assertEquals("2:20 'and' needs true or false on both sides, not a number", located(List.of(error)).getFirst());
    }

    @Test
    void aSecondDefinitionIsAnErrorInARecipe() {
        Diagnostic error = only(check("let x = 1\nlet x = 2\n"));
        assertEquals("2:5 'x' is already defined on line 1", located(List.of(error)).getFirst());
    }

    @Test
    void aSecondDefinitionReplacesTheFirstInANotebook() {
        Session session = new Session(Path.of("."));
        assertFalse(session.run(new SourceFile("cell[1]", "let x = 1"), Mode.CELL).hasErrors());
        Execution second = session.run(new SourceFile("cell[2]", "let x = \"text\"\nx"), Mode.CELL);
        assertEquals(List.of(), located(second.diagnostics()));
        assertEquals("text", ((margo.dsl.value.TextValue) second.shown().getFirst().value()).value());
    }

    @Test
    void namesBoundInEarlierCellsAreKnownInLaterOnes() {
        Session session = new Session(Path.of("."));
        session.run(new SourceFile("cell[1]", "let rate = 5%"), Mode.CELL);
        assertEquals(List.of(), located(session.check(new SourceFile("cell[2]", "rate * 2"), Mode.CELL).diagnostics()));
        Diagnostic error = only(session.check(new SourceFile("cell[3]", "rat * 2"), Mode.CELL));
        assertEquals("did you mean rate?", error.hint());
    }

    @Test
    void unknownShowSettingSuggestsTheNearest() {
        Diagnostic error = only(check(CHAIN + "}\nshow chain { row 5 }\n"));
        assertEquals("3:14 show has no setting 'row'", located(List.of(error)).getFirst());
        assertEquals("did you mean rows?", error.hint());
    }

    @Test
    void unknownColumnInShowColumnsSuggestsTheNearest() {
        Diagnostic error = only(check(CHAIN + "}\nshow chain { columns [strike, midiv] }\n"));
        assertEquals("3:31 unknown column 'midiv'", located(List.of(error)).getFirst());
        assertEquals("did you mean mid_iv?", error.hint());
    }

    @Test
    void showSettingsForTablesAreErrorsOnOtherValuesAndAColumnIsListedOnce() {
        assertEquals(List.of("1:10 rows applies to a table, and this shows a number"), located(check("show 1 { rows 5 }").diagnostics()));
        assertEquals(List.of("3:31 the column 'strike' is listed twice"),
                located(check(CHAIN + "}\nshow chain { columns [strike, strike] }\n").diagnostics()));
    }

    @Test
    void textComparedWithANumberIsAKindErrorNotAUnitMismatch() {
        assertEquals(List.of("1:9 cannot compare text with a number"), located(check("let b = \"a\" == 1").diagnostics()));
    }

    @Test
    void laterIssueStatementsAreReportedAsNotSupportedAtTheirKeyword() {
        Execution execution = check("""
                model hs = heston {
                  v0 in [0.01, 4] start 0.5
                }
                function twice(x) = 2 * x
                """);
        assertEquals(List.of(
                "4:1 function statements are not supported yet"), located(execution.diagnostics()));
        assertEquals(8, execution.diagnostics().getFirst().span().length());
    }

    @Test
    void everyErrorOfARecipeIsReportedInOnePass() {
        Execution execution = check("""
                data chain = options("chain.csv") {
                  keep bid_ivv > 0
                  set x = strike + 2d
                }
                let a = undefined_name
                show chain { rows 0 }
                let b = sqrtt(2)
                """);
        assertEquals(List.of(
                "2:8 unknown column 'bid_ivv'",
                "3:11 unit mismatch: cannot apply '+' to a number and a duration",
                "5:9 unknown name 'undefined_name'",
                "6:19 rows must be a whole number of at least 1, not 0",
                "7:9 unknown function 'sqrtt'"), located(execution.diagnostics()));
    }

    @Test
    void dataNeedsATable() {
        Diagnostic error = only(check("data d = 1 + 2\n"));
        assertEquals("1:10 data needs a table, not a number", located(List.of(error)).getFirst());
    }

    @Test
    void loadingInsideRowScopeIsAnError() {
        Diagnostic error = only(check(CHAIN + "  keep options(\"other.csv\") > 0\n}\n"));
        assertEquals(2, error.span().line());
        assertTrue(error.message().startsWith("options(...) cannot be used inside keep or set"), error.message());
    }
    @Test
    void plotNeedsAFigureAndSuggestsTheSmileOfATable() {
        Diagnostic error = only(check("data chain = options(\"chain.csv\")\nplot chain\n"));
        assertEquals("2:6 plot needs a figure, such as smile(chain); got a table", located(List.of(error)).getFirst());
        assertEquals("to draw the smile of a chain write plot smile(chain); show displays the table", error.hint());
        assertEquals(List.of("1:6 plot needs a figure, such as smile(chain); got a number"),
                located(check("plot 1 + 2").diagnostics()));
    }

    @Test
    void smileOfAChainIsAFigureThatPlotAndLetAccept() {
        assertEquals(List.of(), located(check("""
                data chain = options("chain.csv")
                let f = smile(chain, x "strike")
                plot f
                plot smile(chain)
                show smile(chain)
                """).diagnostics()));
    }

    @Test
    void smileChecksItsArgumentsAgainstTheRegistry() {
        assertEquals(List.of("1:12 argument 'data' of smile must be a table or a surface or a fit, not a number"),
                located(check("plot smile(1 + 2)").diagnostics()));
        Diagnostic axis = only(check(CHAIN + "}\nplot smile(chain, x \"strikes\")\n"));
        assertEquals("3:21 'x' must be one of log_moneyness, strike; not \"strikes\"", located(List.of(axis)).getFirst());
        assertEquals("did you mean strike?", axis.hint());
    }

    @Test
    void aFigureIsNoColumnAndPlotTakesNoSettings() {
        assertEquals(List.of("5:11 'f' is a figure; inside keep and set only columns and single values can be used"),
                located(check(CHAIN + "}\nlet f = smile(chain)\ndata d = chain {\n  set g = f\n}\n").diagnostics()));
        assertEquals(List.of("3:21 plot takes no settings"),
                located(check(CHAIN + "}\nplot smile(chain) { rows 5 }\n").diagnostics()));
    }
}
