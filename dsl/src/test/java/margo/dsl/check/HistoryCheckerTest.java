package margo.dsl.check;

import static margo.dsl.run.Recipes.located;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import margo.dsl.run.Recipes;
import org.junit.jupiter.api.Test;

/** Mistakes in loading a history are reported before anything runs, each at its line and column. */
class HistoryCheckerTest {

    private static List<String> errors(String recipe) {
        return located(Recipes.check(recipe).diagnostics());
    }

    @Test
    void columnNamesAreText() {
        assertEquals(List.of("1:32 argument 'close' of history must be text, not a number"),
                errors("let h = history(\"x.csv\", close 4)"));
    }

    @Test
    void unknownParameterSuggestsTheNearOne() {
        assertEquals(List.of("1:26 history has no parameter 'clse'"), errors("let h = history(\"x.csv\", clse \"c\")"));
    }

    @Test
    void missingFileIsReportedByCheckWithoutRunning() {
        List<String> errors = errors("data h = history(\"none.csv\")");
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.getFirst().startsWith("1:10 cannot read none.csv: no such file"), errors.getFirst());
    }

    @Test
    void historyColumnsAreInScopeOfKeepAndSet() {
        assertEquals(List.of(), errors("data h = history(\"x.csv\") {\n  keep time >= 2020-01-01\n"
                + "  set move = abs(log_return)\n}\nshow h { columns [time, close, move] }"));
        assertEquals(List.of("2:8 unknown column 'closing'"), errors("data h = history(\"x.csv\") {\n  keep closing > 0\n}"));
    }
}
