package margo.dsl.run;

import static margo.dsl.run.Recipes.located;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import margo.core.calibration.ResidualTable;
import margo.core.smiles.SurfaceFit;
import margo.dsl.plot.Figure;
import margo.dsl.plot.HeatMap;
import margo.dsl.plot.Marks;
import margo.dsl.plot.Panel;
import margo.dsl.plot.ResidualPlot;
import margo.dsl.plot.Series;
import margo.dsl.plot.SmilePlot;
import margo.dsl.syntax.SourceFile;
import margo.dsl.value.FigureValue;
import margo.dsl.value.FitValue;
import margo.dsl.value.SurfaceValue;
import margo.dsl.value.TableValue;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class FitPlotsTest {

    private static final Path EXAMPLES = Path.of("../examples");

    private static final String CHAIN = """
            data chain = options("data/deribit-btc-sample.csv") {
              keep bid_iv > 0 and ask_iv > 0 and abs(log_moneyness) <= 0.3
              keep expiry >= 7d
            }
            """;

    private static Execution run(Session session, String text) {
        Execution execution = session.run(new SourceFile("test.margo", text), Mode.RECIPE);
        assertFalse(execution.hasErrors(), () -> String.join("\n", located(execution.diagnostics())));
        return execution;
    }

    @Test
    void theSmileOfASurfaceDrawsTheSurfacesVolAtEachPanelsEnds() {
        Session session = new Session(EXAMPLES);
        Execution execution = run(session, CHAIN + """
                surface sv = svi(chain)
                data fitted = chain { set svi_iv = vol_of(sv, time_to_expiry, log_moneyness) }
                plot smile(sv)
                """);
        Figure figure = ((FigureValue) execution.shown().getLast().value()).figure();
        Table fitted = ((TableValue) session.valueOf("fitted")).table();
        List<Instant> expiries = List.copyOf(new TreeSet<>(fitted.instantColumn("expiry").asList()));
        assertEquals(expiries.size(), figure.panels().size());
        for (int p = 0; p < expiries.size(); p++) {
            Panel panel = figure.panels().get(p);
            Series model = (Series) panel.traces().stream().filter(t -> t.name().equals(SmilePlot.MODEL))
                    .findFirst().orElseThrow();
            assertEquals(Marks.LINES, model.marks());
            Table rows = fitted.where(fitted.instantColumn("expiry").isEqualTo(expiries.get(p)));
            int checked = 0;
            for (int row = 0; row < rows.rowCount(); row++) {
                double k = rows.doubleColumn("log_moneyness").getDouble(row);
                double expected = rows.doubleColumn("svi_iv").getDouble(row) * 100;
                for (int i : new int[] {0, model.size() - 1}) {
                    if (Math.abs(model.x()[i] - k) < 1e-12) {
                        assertEquals(expected, model.y()[i], 1e-9, "surface IV at k = " + k);
                        checked++;
                    }
                }
            }
            assertEquals(true, checked >= 2, "both ends of panel " + p + " matched a quote");
        }
    }

    @Test
    void residualsDrawOneMarkerPerFittedQuoteWithTheFitsErrorAndAZeroLine() {
        Session session = new Session(EXAMPLES);
        Execution execution = run(session, """
                data chain = options("data/deribit-btc-sample.csv") {
                  keep bid_iv > 0 and ask_iv > 0 and abs(log_moneyness) <= 0.15
                  keep expiry >= 20d and expiry <= 60d
                }
                model hs = heston
                fit hf = calibrate hs to chain { starts 1 }
                plot residuals(hf)
                """);
        Figure figure = ((FigureValue) execution.shown().getLast().value()).figure();
        FitValue fit = (FitValue) session.valueOf("hf");
        ResidualTable residuals = fit.result().residuals();
        Table chain = fit.data().table();
        List<Instant> expiries = List.copyOf(new TreeSet<>(chain.instantColumn("expiry").asList()));
        int[] expiryIndices = fit.result().expiries();
        assertEquals(expiryIndices.length, figure.panels().size());
        int drawn = 0;
        for (int p = 0; p < expiryIndices.length; p++) {
            Panel panel = figure.panels().get(p);
            Series errors = (Series) panel.traces().stream().filter(t -> t.name().equals(ResidualPlot.ERRORS))
                    .findFirst().orElseThrow();
            Series zero = (Series) panel.traces().stream().filter(t -> t.name().equals(ResidualPlot.ZERO))
                    .findFirst().orElseThrow();
            assertEquals(Marks.MARKERS, errors.marks());
            List<Integer> ofExpiry = new ArrayList<>();
            for (int i = 0; i < residuals.size(); i++) {
                if (residuals.expiryIndex()[i] == expiryIndices[p]) {
                    ofExpiry.add(i);
                }
            }
            assertEquals(ofExpiry.size(), errors.size(), "markers of panel " + p);
            for (int i : ofExpiry) {
                int row = residuals.quote()[i];
                assertEquals(expiries.get(expiryIndices[p]), chain.instantColumn("expiry").get(row));
                double k = Math.log(residuals.strike()[i] / chain.doubleColumn("forward").getDouble(row));
                int at = -1;
                for (int j = 0; j < errors.size(); j++) {
                    if (errors.x()[j] == k && errors.y()[j] == residuals.error()[i]) {
                        at = j;
                    }
                }
                assertTrue(at >= 0, "quote " + row + " drawn at its log-moneyness with its error");
                assertEquals(chain.doubleColumn("log_moneyness").getDouble(row), k, 1e-9);
            }
            assertArrayEquals(new double[] {0, 0}, zero.y());
            assertEquals(errors.x()[0], zero.x()[0]);
            assertEquals(errors.x()[errors.size() - 1], zero.x()[1]);
            drawn += errors.size();
        }
        assertEquals(residuals.size(), drawn);
    }

    @Test
    void residualsOfSomethingOtherThanAFitIsACheckError() {
        assertEquals(List.of("5:16 argument 'fit' of residuals must be a fit, not a table"),
                located(Recipes.run(EXAMPLES, CHAIN + "plot residuals(chain)").diagnostics()));
        assertEquals(List.of("6:16 argument 'fit' of residuals must be a fit, not a surface"),
                located(Recipes.run(EXAMPLES, CHAIN + "surface sv = svi(chain)\nplot residuals(sv)").diagnostics()));
    }

    @Test
    void theSurfaceHeatMapIsTheFittedVolOverTheQuotedMoneynessAndTheFittedExpiries() {
        Session session = new Session(EXAMPLES);
        Execution execution = run(session, CHAIN + """
                surface ss = ssvi(chain)
                plot surface(ss)
                """);
        Figure figure = ((FigureValue) execution.shown().getLast().value()).figure();
        SurfaceFit fit = ((SurfaceValue) session.valueOf("ss")).fit();
        assertEquals(1, figure.panels().size());
        HeatMap map = (HeatMap) figure.panels().getFirst().traces().getFirst();
        double[] range = fit.quotes().logMoneynessRange();
        double[] times = fit.times();
        assertEquals(range[0], map.x()[0], 0.0);
        assertEquals(range[1], map.x()[map.x().length - 1], 1e-15);
        assertEquals(times[0] * 365, map.y()[0], 1e-9, "starts at the first fitted expiry, in days");
        assertEquals(times[times.length - 1] * 365, map.y()[map.y().length - 1], 1e-9);
        for (int row = 0; row < map.y().length; row += 7) {
            for (int column = 0; column < map.x().length; column += 9) {
                assertEquals(100 * fit.impliedVolatility(map.y()[row] / 365, map.x()[column]), map.z()[row][column],
                        1e-12, "implied vol (%) at row " + row + ", column " + column);
            }
        }
    }

    @Test
    void surfaceOfSomethingOtherThanASurfaceIsACheckError() {
        Execution execution = new Session(EXAMPLES).check(new SourceFile("test.margo", CHAIN + "plot surface(chain)\n"),
                Mode.RECIPE);
        assertEquals(true, execution.hasErrors());
        assertEquals(5, execution.diagnostics().getFirst().span().line());
        assertEquals(14, execution.diagnostics().getFirst().span().column(), "points at the argument");
    }
}
