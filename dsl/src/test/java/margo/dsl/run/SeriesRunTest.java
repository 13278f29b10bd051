package margo.dsl.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import margo.dsl.value.FigureValue;
import margo.dsl.value.SeriesFitValue;
import org.junit.jupiter.api.Test;

/** A recipe's fit to a week of snapshots (examples/data/heston-series): a row per day, plots, and mistakes. */
class SeriesRunTest {

    private static final Path EXAMPLES = Path.of("../examples");
    private static final String WEEK = "data week = snapshots(\"data/heston-series\")\nmodel hs = heston\n";

    private static SeriesFitValue fit(Execution run) {
        return (SeriesFitValue) run.shown().getFirst().value();
    }

    @Test
    void aSeriesFitShowsARowPerSnapshotWithParametersErrorsAndCost() {
        Execution run = Recipes.run(EXAMPLES, WEEK + "fit hw = calibrate hs to week\nshow hw");
        assertFalse(run.hasErrors(), () -> Recipes.located(run.diagnostics()).toString());
        SeriesFitValue fit = fit(run);
        assertEquals(7, fit.times().size());
        assertEquals(List.of("snapshot", "v0", "v0_se", "kappa", "kappa_se", "theta", "theta_se", "xi", "xi_se", "rho",
                "rho_se", "rmse", "iterations", "milliseconds", "stop_reason", "status"),
                fit.display().table().columnNames());
        assertEquals(0.36, fit.display().table().doubleColumn("v0").getDouble(0), 0.002);
        assertEquals(-0.30, fit.display().table().doubleColumn("rho").getDouble(6), 0.005);
        assertTrue(run.diagnostics().stream().anyMatch(d -> d.message().contains("at the time in its file's name")),
                () -> Recipes.located(run.diagnostics()).toString());
    }

    @Test
    void warmAndColdSeriesFitsFindTheSameParameters() {
        SeriesFitValue warm = fit(Recipes.run(EXAMPLES, WEEK + "fit hw = calibrate hs to week\nshow hw"));
        SeriesFitValue cold = fit(Recipes.run(EXAMPLES, WEEK
                + "fit hw = calibrate hs to week { warm_start false }\nshow hw"));
        for (int day = 0; day < 7; day++) {
            double[] w = warm.results().get(day).parameters();
            double[] c = cold.results().get(day).parameters();
            for (int j = 0; j < w.length; j++) {
                assertEquals(c[j], w[j], 1e-4 * Math.max(1, Math.abs(c[j])), "day " + day + " parameter " + j);
            }
        }
    }

    @Test
    void keepCountsTimeToExpiryFromEachRowsSnapshot() {
        // On 2024-03-07 the 8 March expiry is a day away; on the other days it is two or more.
        Execution run = Recipes.run(EXAMPLES, "data week = snapshots(\"data/heston-series\") {\n"
                + "  keep expiry < 2024-03-10 and expiry >= 3d\n}\nshow week { rows 400 }");
        assertFalse(run.hasErrors(), () -> Recipes.located(run.diagnostics()).toString());
        var table = ((margo.dsl.value.TableValue) run.shown().getFirst().value()).table();
        var days = new java.util.TreeSet<java.time.Instant>(table.instantColumn("snapshot").asList());
        assertEquals(5, days.size(), days.toString());
    }

    @Test
    void parametersAndRmseAreDrawnThroughTime() {
        Execution run = Recipes.run(EXAMPLES, WEEK + "fit hw = calibrate hs to week\nplot parameters(hw)\n"
                + "plot rmse(hw)");
        assertFalse(run.hasErrors(), () -> Recipes.located(run.diagnostics()).toString());
        assertEquals(5, ((FigureValue) run.shown().get(0).value()).figure().panels().size());
        assertEquals(1, ((FigureValue) run.shown().get(1).value()).figure().panels().size());
    }

    @Test
    void aSingleChainUseOfASeriesSaysHowToTakeOneSnapshot() {
        Execution run = Recipes.run(EXAMPLES, WEEK + "surface sv = svi(week)");
        assertEquals(List.of("3:18 week is a series of 7 snapshots, from 2024-03-01T08:00:00Z to 2024-03-07T08:00:00Z;"
                + " this takes one chain"), Recipes.located(run.diagnostics().stream()
                        .filter(d -> d.severity() == margo.dsl.diagnostic.Severity.ERROR).toList()));
    }

    @Test
    void warmStartOnOneChainIsAnError() {
        Execution run = Recipes.check("data chain = options(\"chain.csv\")\nmodel hs = heston\n"
                + "fit hf = calibrate hs to chain { warm_start false }");
        assertTrue(Recipes.located(run.diagnostics()).contains("3:34 warm_start is for a fit to a series of"
                + " snapshots; chain is one chain"), () -> Recipes.located(run.diagnostics()).toString());
    }

    @Test
    void aFolderWithoutChainFilesIsAnErrorAtTheCall() {
        Execution run = Recipes.run(EXAMPLES, "data week = snapshots(\"data/*.nothing\")");
        assertTrue(Recipes.located(run.diagnostics()).getFirst().startsWith("1:13 cannot read the snapshots"
                + " data/*.nothing: no chain file matches data/*.nothing"),
                () -> Recipes.located(run.diagnostics()).toString());
    }

    @Test
    void aReplayReportsLatencyPercentilesAndARowPerUpdateAndTellsItsListenerEachUpdate() {
        Session session = new Session(EXAMPLES);
        List<ReplayListener.Update> seen = new java.util.ArrayList<>();
        session.onReplayProgress(seen::add);
        Execution run = session.run(new margo.dsl.syntax.SourceFile("replay.margo", WEEK
                + "replay live = calibrate hs to week { budget 1h }\nshow live\nplot parameters(live)"), Mode.RECIPE);
        assertFalse(run.hasErrors(), () -> Recipes.located(run.diagnostics()).toString());
        margo.dsl.value.ReportValue report = ((margo.dsl.value.ReplayValue) run.shown().getFirst().value()).report();
        var latency = report.sections().getFirst().table().table();
        assertEquals(7, latency.intColumn("updates").getInt(0));
        assertTrue(latency.doubleColumn("p50_ms").getDouble(0) <= latency.doubleColumn("p99_ms").getDouble(0));
        assertEquals(0, latency.intColumn("over_budget").getInt(0));
        assertEquals(7, report.sections().get(1).table().table().rowCount());
        assertEquals(7, seen.size());
        assertEquals(6, seen.getLast().index());
        assertEquals(-0.30, seen.getLast().parameters()[4], 0.005, "rho on the last day");
    }

    private static List<margo.core.calibration.CalibrationResult> replayed(String block) {
        Execution run = Recipes.run(EXAMPLES, WEEK + "replay live = calibrate hs to week { budget 1h" + block
                + " }\nshow live");
        assertFalse(run.hasErrors(), () -> Recipes.located(run.diagnostics()).toString());
        return ((margo.dsl.value.ReplayValue) run.shown().getFirst().value()).fit().results();
    }

    private static int iterations(List<margo.core.calibration.CalibrationResult> fits) {
        return fits.stream().mapToInt(margo.core.calibration.CalibrationResult::iterations).sum();
    }

    @Test
    void aReplayStopsAtTheToleranceItsDocsStateUnlessItsMethodSetsOne() throws java.io.IOException {
        String doc = margo.dsl.registry.Registry.standard().setting("replay", "method").orElseThrow().doc();
        var stated = java.util.regex.Pattern.compile("A replay's Levenberg-Marquardt tolerance is (\\S+) unless")
                .matcher(doc);
        assertTrue(stated.find(), doc);
        String tolerance = stated.group(1);
        assertTrue(java.nio.file.Files.readString(Path.of("../docs/series.md"))
                .contains("a replay's default `tolerance` is " + tolerance), "docs/series.md states " + tolerance);

        List<margo.core.calibration.CalibrationResult> byDefault = replayed("");
        List<margo.core.calibration.CalibrationResult> asStated = replayed(
                "; method levenberg_marquardt { tolerance " + tolerance + " }");
        List<margo.core.calibration.CalibrationResult> polished = replayed(
                "; method levenberg_marquardt { tolerance 1e-12 }");
        for (int update = 0; update < byDefault.size(); update++) {
            assertTrue(java.util.Arrays.equals(asStated.get(update).parameters(), byDefault.get(update).parameters()),
                    "update " + update);
        }
        assertTrue(iterations(polished) > iterations(byDefault),
                iterations(polished) + " iterations at 1e-12, " + iterations(byDefault) + " by default");
    }

    @Test
    void aSeriesFitKeepsTheFitsTolerance() {
        SeriesFitValue byDefault = fit(Recipes.run(EXAMPLES, WEEK + "fit hw = calibrate hs to week\nshow hw"));
        SeriesFitValue polished = fit(Recipes.run(EXAMPLES, WEEK
                + "fit hw = calibrate hs to week { method levenberg_marquardt { tolerance 1e-12 } }\nshow hw"));
        for (int day = 0; day < 7; day++) {
            assertTrue(java.util.Arrays.equals(polished.results().get(day).parameters(),
                    byDefault.results().get(day).parameters()), "day " + day);
        }
    }

    @Test
    void aReplayOfOneChainIsAnError() {
        Execution run = Recipes.check("data chain = options(\"chain.csv\")\nmodel hs = heston\n"
                + "replay live = calibrate hs to chain { budget 10ms }");
        assertTrue(Recipes.located(run.diagnostics()).contains("3:31 replay needs a stream of snapshots; chain is one"
                + " chain"), () -> Recipes.located(run.diagnostics()).toString());
    }
}
