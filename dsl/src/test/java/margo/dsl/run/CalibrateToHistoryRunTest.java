package margo.dsl.run;

import static margo.dsl.run.Recipes.located;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import margo.core.margin.PortfolioMarginRule;
import margo.core.margin.SpanRule;
import margo.core.margin.StandardMarginRule;
import margo.core.market.HistoryColumns;
import margo.core.market.PriceHistories;
import margo.core.risk.Garch11Estimation;
import margo.core.risk.Garch11Fit;
import margo.core.risk.HistoricalSimulation;
import margo.core.risk.HorizonScaling;
import margo.core.risk.Shock;
import margo.core.risk.ShockSpec;
import margo.dsl.value.FigureValue;
import margo.dsl.value.HaircutValue;
import margo.dsl.value.ReportValue;
import margo.dsl.value.RulesValue;
import margo.dsl.value.TableValue;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * {@code rules N = calibrate RULES to HISTORY { ... }} on the real BTC history of examples/data, and the reports of the
 * rule it makes: the rule takes the estimator's latest shock, the shock through time never looks ahead, and every
 * mistake the data reveals is an error at its cause.
 */
class CalibrateToHistoryRunTest {

    private static final Path EXAMPLES = Path.of("../examples");
    private static final String BTC = "data btc = history(\"data/btc-usd-daily-close-yahoo.csv\")\n";

    private static Execution run(String recipe) {
        Execution execution = Recipes.run(EXAMPLES, recipe);
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        return execution;
    }

    private static List<String> errors(Execution execution) {
        return located(execution.diagnostics().stream().filter(d -> d.isError()).toList());
    }

    private static <T> T shown(Execution execution, int index, Class<T> type) {
        return type.cast(execution.shown().get(index).value());
    }

    @Test
    void portfolioMarginPriceRangeIsTheWiderTailOfTheLatestHistoricalShock() throws Exception {
        RulesValue rules = shown(run(BTC + "rules pm = calibrate portfolio_margin to btc { confidence 99%"
                + "  horizon 1d  method hs  lookback 1y }\nshow pm"), 0, RulesValue.class);
        double[] returns = PriceHistories.load(EXAMPLES.resolve("data/btc-usd-daily-close-yahoo.csv"),
                HistoryColumns.DETECTED).history().logReturns();
        Shock latest = new HistoricalSimulation(ShockSpec.valueAtRisk(0.99, 1), HorizonScaling.DIRECT)
                .shock(returns, returns.length - 365, returns.length);
        double range = ((PortfolioMarginRule) rules.rule()).parameters().priceRange();
        assertEquals(Math.max(latest.down(), latest.up()), range, 1e-15);
        Table display = rules.display().table();
        int row = display.stringColumn("setting").indexOf("price_range");
        assertTrue(display.stringColumn("source").get(row).startsWith("calibrated: price range"),
                display.stringColumn("source").get(row));
    }

    @Test
    void aShockSetBeforeADateIsTheSameWhateverHappenedAfterIt() {
        String settings = " { method ewma  lookback 1y }\n";
        ReportValue full = shown(run(BTC + "rules pm = calibrate span to btc" + settings + "show shocks(pm)"), 0,
                ReportValue.class);
        ReportValue cut = shown(run("data btc = history(\"data/btc-usd-daily-close-yahoo.csv\") {\n"
                + "  keep time < 2022-01-01\n}\nrules pm = calibrate span to btc" + settings + "show shocks(pm)"), 0,
                ReportValue.class);
        Table before = cut.sections().getFirst().table().table();
        Table all = full.sections().getFirst().table().table();
        int last = before.rowCount() - 1;
        int same = all.instantColumn("time").indexOf(before.instantColumn("time").get(last));
        assertTrue(same > 0);
        assertEquals(before.doubleColumn("shock_down").getDouble(last), all.doubleColumn("shock_down").getDouble(same));
        assertEquals(before.doubleColumn("shock_up").getDouble(last), all.doubleColumn("shock_up").getDouble(same));
    }

    @Test
    void backtestReportsBothTailsOverThePeriodAndEachYearWithATrafficLight() {
        ReportValue report = shown(run(BTC + "rules pm = calibrate portfolio_margin to btc { method hs  lookback 2y }\n"
                + "show backtest(pm, from 2018-01-01, to 2026-01-01)"), 0, ReportValue.class);
        Table whole = report.sections().get(0).table().table();
        assertEquals(List.of("down", "up"), whole.stringColumn("tail").asList());
        assertEquals(2922, whole.intColumn("observations").getInt(0));  // 2018-01-01 .. 2025-12-31, one a day
        assertTrue(List.of("green", "yellow", "red").contains(whole.stringColumn("zone").get(0)));
        Table years = report.sections().get(1).table().table();
        assertEquals("2018 down", years.stringColumn("year").get(0));
        assertEquals(16, years.rowCount());
        int exceptions = 0;
        for (int row = 0; row < years.rowCount(); row += 2) {
            exceptions += years.intColumn("exceptions").getInt(row);
        }
        assertEquals(whole.intColumn("exceptions").getInt(0), exceptions);
    }

    @Test
    void explainShowsTheEstimateTheAntiProcyclicalityAndWhereTheParametersCameFrom() {
        ReportValue report = shown(run(BTC + "rules pm = calibrate portfolio_margin to btc { method fhs  buffer 25%"
                + "  floor 10y }\nshow explain(pm)"), 0, ReportValue.class);
        List<String> titles = report.sections().stream().map(ReportValue.Section::title).toList();
        assertEquals(List.of("estimate at the last bar", "anti-procyclicality (EMIR RTS 153/2013 art. 28), at the"
                        + " last bar", "backtest of the applied shocks, out of sample", "the rule's parameters",
                "extended moves: how often the history moved that far over the horizon"), titles);
        Table apc = report.sections().get(1).table().table();
        assertEquals(List.of("calculated", "(c) floored", "(a) buffer", "(c) floor level", "applied"),
                apc.stringColumn("component").asList());
        Table estimate = report.sections().get(0).table().table();
        assertEquals(365, estimate.intColumn("sample").getInt(0));
    }

    @Test
    void standardMarginAndSpanTakeTheShockInTheirOwnParameters() {
        Execution execution = run(BTC + "rules sm = calibrate deribit_standard to btc\n"
                + "rules sp = calibrate span to btc\nshow sm\nshow sp");
        StandardMarginRule standard = (StandardMarginRule) shown(execution, 0, RulesValue.class).rule();
        SpanRule span = (SpanRule) shown(execution, 1, RulesValue.class).rule();
        assertEquals(span.parameters().priceScanRange(), standard.options().initial(), 1e-15);
        standard.deltaOne().values().forEach(terms -> assertEquals(standard.options().initial(), terms.initial()));
    }

    @Test
    void plotShocksDrawsShocksMovesAndExceptions() {
        FigureValue figure = shown(run(BTC + "rules pm = calibrate portfolio_margin to btc\nplot shocks(pm)"), 0,
                FigureValue.class);
        assertEquals(List.of("realised move", "down shock", "up shock", "fall beyond the down shock",
                "rise beyond the up shock"), figure.figure().panels().getFirst().traces().stream()
                .map(trace -> trace.name()).toList());
    }

    @Test
    void aHistoryShorterThanTheLookbackIsAnErrorAtTheHistory() {
        Execution execution = Recipes.run(EXAMPLES, "data btc = history(\"data/btc-usd-daily-close-yahoo.csv\") {"
                + " keep time < 2015-01-01 }\nrules pm = calibrate portfolio_margin to btc { lookback 1y }");
        List<String> errors = errors(execution);
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.getFirst().startsWith("2:42 btc (106 bars) cannot be calibrated with a lookback of 1y"
                + " (365 bars)"), errors.getFirst());
    }

    @Test
    void aCustomRuleOrADeclaredOneIsNotCalibrated() {
        Execution custom = Recipes.run(EXAMPLES, BTC + "rules house = custom { price [-10%, 10%]  initial = worst_loss }\n"
                + "rules h = calibrate house to btc");
        assertEquals(List.of("3:21 calibrate sets the price shock of portfolio_margin, span or deribit_standard rules,"
                + " not of a custom rule"), errors(custom));
        Execution declared = Recipes.run(EXAMPLES, BTC + "rules pm = portfolio_margin\nshow backtest(pm)");
        assertEquals(List.of("3:15 pm was not calibrated from a history, so it has no shocks to show or backtest"),
                errors(declared));
    }

    @Test
    void haircutAndFeesReportTheirNumbers() {
        Execution execution = run("data eth = history(\"data/eth-usd-daily-close-yahoo.csv\")\n"
                + "show haircut(eth, confidence 99%, horizon 2d, add_on 2%)\nshow fees(eth, base 5bp, max 20%)");
        Table haircut = shown(execution, 0, HaircutValue.class).report().sections().getFirst().table().table();
        assertEquals(haircut.doubleColumn("down_shock").getDouble(0) + 0.02, haircut.doubleColumn("haircut").getDouble(0),
                1e-15);
        Table fees = shown(execution, 1, ReportValue.class).sections().getFirst().table().table();
        assertTrue(fees.doubleColumn("k").getDouble(0) > 0);
    }

    @Test
    void theExampleRecipeRunsWithOnlyTheStalePrintWarning() throws Exception {
        Execution execution = Recipes.run(EXAMPLES, java.nio.file.Files.readString(
                EXAMPLES.resolve("margin-calibration.margo")));
        List<String> diagnostics = located(execution.diagnostics());
        assertEquals(2, diagnostics.size(), diagnostics::toString);
        assertTrue(diagnostics.getFirst().contains("line 897"), diagnostics.getFirst());
        assertTrue(diagnostics.get(1).contains("implied vols read as percent"), diagnostics.get(1));
        assertEquals(17, execution.shown().size());
    }

    @Test
    void aBookBacktestComparesEachGroupsLossWithTheMarginRequiredBeforeIt() {
        ReportValue report = shown(run(BTC + "data chain = options(\"data/deribit-btc-sample.csv\")\n"
                + "book desk = positions(\"data/book.csv\", market chain)\n"
                + "rules pm = calibrate portfolio_margin to btc { lookback 2y }\n"
                + "show backtest(pm, from 2024-01-01, book desk, vol_response = -0.5)"), 0, ReportValue.class);
        Table groups = report.sections().getFirst().table().table();
        assertEquals(List.of("covered-call", "short-strangle", "calendar", "hedged", "basis", "basis / perp-hedge"),
                groups.stringColumn("group").asList());
        for (int row = 0; row < groups.rowCount(); row++) {
            assertTrue(groups.doubleColumn("margin_before_it").getDouble(row) > 0);
            boolean breached = groups.doubleColumn("worst_loss").getDouble(row)
                    > groups.doubleColumn("margin_before_it").getDouble(row);
            if (breached) {  // the worst loss beyond the margin set before it is an exception
                assertTrue(groups.intColumn("exceptions").getInt(row) > 0, groups.row(row).toString());
            }
        }
        assertTrue(report.notes().getFirst().contains("vols shifted by -0.50 x ln(1 + move)"), report.notes().toString());
    }

    @Test
    void explainOfAGarchFilterReportsTheLastWindowsFitWithStandardErrors() throws Exception {
        ReportValue explain = shown(run("data btc = history(\"data/btc-usd-daily-close-yahoo.csv\") {\n"
                + "  keep time >= 2021-01-01\n}\nrules pm = calibrate portfolio_margin to btc { method fhs  filter garch"
                + "  lookback 1000d  refit 30d }\nshow explain(pm)"), 0, ReportValue.class);
        Table garch = explain.sections().stream().filter(s -> s.title().startsWith("GARCH(1,1)")).findFirst()
                .orElseThrow().table().table();
        double[] all = PriceHistories.load(EXAMPLES.resolve("data/btc-usd-daily-close-yahoo.csv"),
                HistoryColumns.DETECTED).history().between(java.time.Instant.parse("2021-01-01T00:00:00Z"), null)
                .logReturns();
        Garch11Fit last = Garch11Estimation.fit(all, all.length - 1000, all.length);
        assertEquals(1000, garch.intColumn("observations").getInt(0));
        assertEquals(last.parameters().alpha(), garch.doubleColumn("alpha").getDouble(0), 1e-12);
        assertEquals(last.betaError(), garch.doubleColumn("beta_se").getDouble(0), 1e-12);
        assertTrue(garch.doubleColumn("persistence").getDouble(0) < 1, "stationary");
        ReportValue hs = shown(run(BTC + "rules pm = calibrate portfolio_margin to btc { lookback 1y }\n"
                + "show explain(pm)"), 0, ReportValue.class);
        assertTrue(hs.sections().stream().noneMatch(s -> s.title().startsWith("GARCH")), "only a GARCH filter has one");
    }

    @Test
    void shocksShowEachAntiProcyclicalityToolThroughTimeAndThePlotDrawsThem() {
        String settings = "confidence 99%  horizon 1d  method hs  lookback 2y";
        Execution execution = run(BTC + "rules plain = calibrate portfolio_margin to btc { " + settings + " }\n"
                + "rules apc = calibrate portfolio_margin to btc { " + settings
                + "  buffer 25%  stressed_weight 25%  floor 10y }\n"
                + "show shocks(plain)\nshow shocks(apc)\nplot shocks(plain)\nplot shocks(apc)");
        Table plain = shown(execution, 0, ReportValue.class).sections().getFirst().table().table();
        Table apc = shown(execution, 1, ReportValue.class).sections().getFirst().table().table();
        for (String column : List.of("calculated", "stressed_weight", "floored", "buffered", "floor_level")) {
            assertTrue(apc.containsColumn(column + "_down") && apc.containsColumn(column + "_up"), column);
        }
        assertEquals(plain.rowCount(), apc.rowCount());
        for (int row = 0; row < plain.rowCount(); row += 97) {
            assertEquals(plain.doubleColumn("shock_down").getDouble(row), apc.doubleColumn("calculated_down")
                    .getDouble(row), 0.0, "the calculated shock is the estimator's alone");
            assertTrue(apc.doubleColumn("floored_down").getDouble(row) >= apc.doubleColumn("floor_level_down")
                    .getDouble(row) - 1e-15, "the floored shock is at least the floor");
        }
        assertEquals(1, shown(execution, 2, FigureValue.class).figure().panels().size());
        assertEquals(2, shown(execution, 3, FigureValue.class).figure().panels().size());
    }
}
