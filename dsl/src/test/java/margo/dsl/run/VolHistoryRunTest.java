package margo.dsl.run;

import static margo.dsl.run.Recipes.located;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import margo.core.margin.PortfolioMarginParameters;
import margo.core.margin.PortfolioMarginRule;
import margo.core.margin.SpanRule;
import margo.dsl.diagnostic.Severity;
import margo.dsl.value.ReportValue;
import margo.dsl.value.RulesValue;
import margo.dsl.value.TableValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * {@code vol_history(...)} and {@code calibrate RULES to HISTORY { vol_history V }} on the synthetic ATM vol history
 * of examples/data, against the shocks its generator computed on its own (btc-atm-vol-synthetic-shocks.csv, by
 * generate_btc_atm_vol_synthetic.py): portfolio margin's vol_up and vol_down, SPAN's vol scan. Without a vol history
 * the vol shocks stay as declared and explain says so.
 */
class VolHistoryRunTest {

    private static final Path EXAMPLES = Path.of("../examples");
    private static final String DATA = "data btc = history(\"data/btc-usd-daily-close-yahoo.csv\")\n"
            + "data vols = vol_history(\"data/btc-atm-vol-synthetic.csv\")\n";

    @TempDir
    Path folder;

    private static Execution run(String recipe) {
        Execution execution = Recipes.run(EXAMPLES, DATA + recipe);
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        return execution;
    }

    /** The generator's shocks for a confidence, horizon and lookback: relative up and down, absolute up and down. */
    private static double[] reference(String confidence, int horizonDays, int lookbackDays) throws Exception {
        for (String line : Files.readAllLines(EXAMPLES.resolve("data/btc-atm-vol-synthetic-shocks.csv"))) {
            String[] fields = line.split(",");
            if (fields[0].equals(confidence) && fields[1].equals(Integer.toString(horizonDays))
                    && fields[2].equals(Integer.toString(lookbackDays))) {
                return new double[] {Double.parseDouble(fields[4]), Double.parseDouble(fields[5]),
                        Double.parseDouble(fields[6]), Double.parseDouble(fields[7])};
            }
        }
        throw new AssertionError("no reference row for " + confidence + ", " + horizonDays + ", " + lookbackDays);
    }

    private static String source(RulesValue rules, String setting) {
        Table display = rules.display().table();
        return display.stringColumn("source").get(display.stringColumn("setting").indexOf(setting));
    }

    @Test
    void portfolioMarginVolShocksAreTheRelativeRiseAndFallOfIvAtTheConfidence() throws Exception {
        for (String[] settings : List.of(new String[] {"99%", "1d", "1y", "0.99", "1", "365"},
                new String[] {"97.5%", "1d", "1y", "0.975", "1", "365"},
                new String[] {"99%", "2d", "2y", "0.99", "2", "730"})) {
            RulesValue rules = (RulesValue) run("rules pm = calibrate portfolio_margin to btc { confidence "
                    + settings[0] + "  horizon " + settings[1] + "  lookback " + settings[2]
                    + "  vol_history vols }\nshow pm").shown().getFirst().value();
            double[] expected = reference(settings[3], Integer.parseInt(settings[4]), Integer.parseInt(settings[5]));
            PortfolioMarginParameters p = ((PortfolioMarginRule) rules.rule()).parameters();
            assertEquals(expected[0], p.volatilityRangeUp(), 1e-12, String.join(" ", settings));
            assertEquals(expected[1], p.volatilityRangeDown(), 1e-12, String.join(" ", settings));
            assertTrue(source(rules, "vol_up").startsWith("calibrated: vol shocks from "), source(rules, "vol_up"));
        }
    }

    @Test
    void spanVolScanIsTheWiderAbsoluteMoveInVolPoints() throws Exception {
        RulesValue rules = (RulesValue) run("rules sp = calibrate span to btc { horizon 2d  lookback 2y"
                + "  vol_history vols }\nshow sp").shown().getFirst().value();
        double[] expected = reference("0.99", 2, 730);
        assertEquals(Math.max(expected[2], expected[3]), ((SpanRule) rules.rule()).parameters().volatilityScanRange(),
                1e-12);
        assertTrue(source(rules, "vol_scan").startsWith("calibrated: vol scan 12.3 vol points from 729"),
                source(rules, "vol_scan"));
    }

    @Test
    void withoutAVolHistoryTheVolShocksStayAsDeclaredAndExplainSaysSo() {
        Execution execution = run("rules declared = portfolio_margin { vol_up 40%  vol_down 20% }\n"
                + "rules pm = calibrate declared to btc { lookback 1y }\nshow pm\nshow explain(pm)");
        RulesValue rules = (RulesValue) execution.shown().get(0).value();
        PortfolioMarginParameters p = ((PortfolioMarginRule) rules.rule()).parameters();
        assertEquals(0.40, p.volatilityRangeUp());
        assertEquals(0.20, p.volatilityRangeDown());
        assertEquals("recipe", source(rules, "vol_up"));
        Table parameters = ((ReportValue) execution.shown().get(1).value()).sections().stream()
                .filter(section -> section.title().equals("the rule's parameters")).findFirst().orElseThrow()
                .table().table();
        assertEquals("vol shocks kept as declared (up 40.00%, down 20.00%): no implied-vol history",
                parameters.stringColumn("parameter").get(1));
    }

    @Test
    void theUnitIsDecidedByMostValuesStatedInANoteAndAStrayValueIsLeftOutWithAWarning() throws Exception {
        Files.writeString(folder.resolve("v.csv"), "date,dvol\n2024-01-01,55.1\n2024-01-02,0.56\n2024-01-03,57.3\n"
                + "2024-01-04,58.0\n");
        Execution execution = Recipes.run(folder, "data v = vol_history(\"v.csv\")\nshow v");
        assertFalse(execution.hasErrors(), () -> located(execution.diagnostics()).toString());
        assertEquals(List.of("1:10 v.csv 2024-01-02T00:00:00Z: 0.56 among percent vols looks like a decimal (left out)",
                "1:10 v.csv: implied vols read as percent: 3 of 4 values (75%) are above 1.5"),
                located(execution.diagnostics()));
        assertEquals(Severity.NOTE, execution.diagnostics().getLast().severity());
        Table vols = ((TableValue) execution.shown().getFirst().value()).table();
        assertEquals(List.of("time", "vol", "log_change"), vols.columnNames());
        assertEquals(3, vols.rowCount());
        assertEquals(0.551, vols.doubleColumn("vol").getDouble(0), 1e-15);
        assertEquals(Math.log(57.3 / 55.1), vols.doubleColumn("log_change").getDouble(1), 1e-12);
    }

    @Test
    void rowsAreCheckedAsAPriceHistorysAre() throws Exception {
        Files.writeString(folder.resolve("v.csv"), "time,atm_iv\n2024-01-01,0.55\n2024-01-02,x\n2024-01-03,0.57\n"
                + "2024-01-03,0.58\n2024-01-04,0.56\n");
        Execution execution = Recipes.run(folder, "data v = vol_history(\"v.csv\", unit \"decimal\")");
        List<String> diagnostics = located(execution.diagnostics());
        assertEquals(3, diagnostics.size(), diagnostics::toString);
        assertTrue(diagnostics.get(0).startsWith("1:10 v.csv line 3: "), diagnostics.get(0));
        assertTrue(diagnostics.get(1).startsWith("1:10 v.csv line 5: 2024-01-03 is also on line 4"), diagnostics.get(1));
        assertEquals("1:10 v.csv: implied vols read as decimal, as set", diagnostics.get(2));
    }

    @Test
    void aFileWithoutAVolColumnIsAnErrorNamingItsColumns() throws Exception {
        Files.writeString(folder.resolve("v.csv"), "date,price\n2024-01-01,55\n2024-01-02,56\n");
        Execution execution = Recipes.run(folder, "data v = vol_history(\"v.csv\")");
        List<String> errors = located(execution.diagnostics());
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.getFirst().startsWith("1:10 cannot use v.csv as an implied-vol history: "), errors.getFirst());
        assertTrue(errors.getFirst().endsWith("v.csv has no vol column (looked for atm_vol, atm_iv, iv, vol,"
                + " implied_vol, volatility, dvol, close, value); its columns are date, price; name the column with vol"
                + " \"COLUMN\""), errors.getFirst());
    }

    @Test
    void standardMarginHasNoVolShockToCalibrate() {
        Execution execution = Recipes.run(EXAMPLES, DATA
                + "rules std = calibrate deribit_standard to btc { vol_history vols }");
        assertEquals(List.of("3:61 deribit_standard has no vol shock for vol_history to set"),
                located(execution.diagnostics().stream().filter(d -> d.isError()).toList()));
    }

    @Test
    void aVolHistoryShorterThanItsTestNeedsIsAnErrorAtTheSetting() {
        Execution execution = Recipes.run(EXAMPLES, DATA.replace("\")\n", "\") { keep time >= 2026-06-20 }\n")
                .replace("close-yahoo.csv\") { keep time >= 2026-06-20 }", "close-yahoo.csv\")")
                + "rules pm = calibrate portfolio_margin to btc { vol_history vols }");
        List<String> errors = located(execution.diagnostics().stream().filter(d -> d.isError()).toList());
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.getFirst().startsWith("3:60 vols has 11 implied vols up to 2026-06-30, the end of btc:"),
                errors.getFirst());
    }

    @Test
    void aPriceHistoryOrANumberIsNoVolHistory() {
        List<String> errors = located(Recipes.check("data chain = options(\"chain.csv\")\n"
                + "rules a = calibrate span to chain { vol_history chain }\n"
                + "rules b = calibrate span to chain { vol_history 3 }\n").diagnostics());
        assertTrue(errors.contains("2:49 vol_history needs an implied-vol history (a table with the columns time and"
                + " vol), not an option chain"), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("3:49 vol_history takes a table")), errors::toString);
    }
}
