package margo.dsl.run;

import static margo.dsl.run.Recipes.located;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import margo.dsl.plot.Figure;
import margo.dsl.plot.Marks;
import margo.dsl.plot.Panel;
import margo.dsl.plot.Series;
import margo.dsl.plot.SmilePlot;
import margo.dsl.syntax.SourceFile;
import margo.dsl.value.FigureValue;
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
}
