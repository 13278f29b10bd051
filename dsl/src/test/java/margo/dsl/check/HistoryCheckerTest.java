package margo.dsl.check;

import static margo.dsl.run.Recipes.located;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import margo.dsl.diagnostic.Diagnostic;
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

    private static final String BTC = "data btc = history(\"x.csv\")\n";

    @Test
    void calibrateChecksEverySettingAtItsValue() {
        assertEquals(List.of(
                "2:58 confidence must be at least 50% and below 100%, not 150%",
                "2:72 horizon must be a positive duration, such as 1d, not 0d",
                "2:83 method takes one of hs, ewma, fhs"),
                errors(BTC + "rules a = calibrate portfolio_margin to btc { confidence 150%  horizon 0d  method garch }"));
    }

    @Test
    void calibrateSuggestsTheSettingMeant() {
        List<Diagnostic> diagnostics = Recipes.check(BTC + "rules a = calibrate span to btc { confidnce 99% }")
                .diagnostics();
        assertEquals(List.of("2:35 calibrate has no setting 'confidnce'"), located(diagnostics));
        assertEquals("did you mean confidence?", diagnostics.getFirst().hint());
    }

    @Test
    void antiProcyclicalityBelowEmirMinimumsIsAnError() {
        assertEquals(List.of("2:54 an EMIR art. 28(a) buffer is 0% (none) or at least 25%, not 10%",
                        "2:75 an EMIR art. 28(b) stressed weight is 0% (none) or from 25% to 100%, not 20%"),
                errors(BTC + "rules a = calibrate portfolio_margin to btc { buffer 10%  stressed_weight 20% }"));
    }

    @Test
    void aSettingTheMethodDoesNotReadIsAnErrorNotSilentlyIgnored() {
        List<Diagnostic> diagnostics = Recipes.check(BTC + "rules a = calibrate span to btc { method hs  lambda 0.9 }")
                .diagnostics();
        assertEquals(List.of("2:53 lambda applies to method ewma, or fhs with filter ewma, and this calibration's"
                + " method is hs"), located(diagnostics));
    }

    @Test
    void calibrateNeedsRulesAndAPriceHistory() {
        assertEquals(List.of("3:21 calibrate RULES to HISTORY needs margin rules first, not a model",
                        "5:41 calibrate needs a price history (a table with the columns time and close), not an"
                                + " option chain"),
                errors(BTC + "model hs = heston\nrules a = calibrate hs to btc\n"
                        + "data chain = options(\"chain.csv\")\nrules b = calibrate portfolio_margin to chain"));
    }

    @Test
    void historyBuiltinsNeedAHistoryAndTheirReportsPlot() {
        assertEquals(List.of("3:15 coverage needs a price history (a table with the columns time and close), not an"
                        + " option chain"),
                errors(BTC + "data c = options(\"chain.csv\")\nshow coverage(c)"));
        assertEquals(List.of(), errors(BTC + "rules pm = calibrate portfolio_margin to btc\nplot shocks(pm)\n"
                + "plot coverage(btc)\nplot fees(btc, max 10%)\nshow backtest(pm, from 2018-01-01)"));
    }
}
