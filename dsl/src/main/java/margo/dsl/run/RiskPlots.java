package margo.dsl.run;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import margo.core.market.PriceHistory;
import margo.core.risk.ApcSeries;
import margo.core.risk.CoverageTable;
import margo.core.risk.Ewma;
import margo.core.risk.FeeCalibration;
import margo.core.risk.Shock;
import margo.core.risk.ShockSeries;
import margo.dsl.plot.Axis;
import margo.dsl.plot.Figure;
import margo.dsl.plot.Marks;
import margo.dsl.plot.Palette;
import margo.dsl.plot.Panel;
import margo.dsl.plot.Series;
import margo.dsl.plot.Trace;
import margo.dsl.value.RulesCalibration;

/**
 * The figures of calibrated margin, drawn by {@code plot}: shocks through time against the realised moves with the
 * exceptions marked, observed against nominal exceedance, and a fee schedule through time against the adverse moves.
 * Time runs along the x axis in years (2020.5 is the start of July 2020); moves are in percent of the price.
 */
final class RiskPlots {

    private static final Axis TIME = new Axis("time", "year");
    private static final Axis MOVE = new Axis("price move", "%");

    private RiskPlots() {
    }

    /** The applied shocks (down drawn below zero) and the realised moves; the moves beyond a shock marked. */
    static Figure shocks(String title, RulesCalibration c) {
        ShockSeries series = c.applied();
        PriceHistory history = c.history();
        int n = series.size();
        double[] x = new double[n];
        double[] down = new double[n];
        double[] up = new double[n];
        double[] moves = new double[n];
        double[] downBreaches = new double[n];
        double[] upBreaches = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = year(history.time(series.origin(i)));
            Shock shock = series.shock(i);
            down[i] = -100 * shock.down();
            up[i] = 100 * shock.up();
            double move = series.realised(i);
            moves[i] = 100 * Math.expm1(move);
            downBreaches[i] = shock.downExceededBy(move) ? moves[i] : Double.NaN;
            upBreaches[i] = shock.upExceededBy(move) ? moves[i] : Double.NaN;
        }
        List<Trace> traces = List.of(
                Series.of("realised move", Marks.MARKERS, "#7f7f7f", x, moves),
                Series.of("down shock", Marks.LINES, Palette.BLUE, x, down),
                Series.of("up shock", Marks.LINES, Palette.GREEN, x, up),
                Series.of("fall beyond the down shock", Marks.MARKERS, Palette.RED, x, downBreaches),
                Series.of("rise beyond the up shock", Marks.MARKERS, Palette.ORANGE, x, upBreaches));
        Panel overTime = new Panel(series.method() + ", " + series.spec().horizonBars() + "-bar moves", TIME, MOVE,
                traces);
        if (c.apc() == null) {
            return new Figure(title, List.of(overTime), 1);
        }
        // Each anti-procyclicality tool's shock through time, the wider tail as a rule takes it.
        List<Trace> tools = new ArrayList<>();
        List<ApcSeries.Component> components = new ArrayList<>(HistoryReports.toolsThroughTime(c.apc()));
        components.add(ApcSeries.Component.APPLIED);
        for (int k = 0; k < components.size(); k++) {
            ApcSeries.Component component = components.get(k);
            double[] wider = new double[n];
            for (int i = 0; i < n; i++) {
                Shock shock = c.apc().shock(component, i);
                wider[i] = 100 * Math.max(shock.down(), shock.up());
            }
            tools.add(Series.of(HistoryReports.columnName(component).replace('_', ' '), Marks.LINES,
                    component == ApcSeries.Component.APPLIED ? "#000000" : Palette.color(k), x, wider));
        }
        return new Figure(title, List.of(overTime, new Panel("anti-procyclicality: each tool's shock (wider tail)", TIME,
                new Axis("shock", "%"), tools)), 1);
    }

    /** Observed exceedance of each tail against the nominal rate, with the diagonal a calibrated estimator sits on. */
    static Figure coverage(String title, CoverageTable table) {
        int n = table.rows().size();
        double[] nominal = new double[n];
        double[] down = new double[n];
        double[] up = new double[n];
        for (int i = 0; i < n; i++) {
            CoverageTable.Row row = table.rows().get(i);
            nominal[i] = 100 * row.expectedRate();
            down[i] = 100 * row.downRate();
            up[i] = 100 * row.upRate();
        }
        double widest = 0;
        for (int i = 0; i < n; i++) {
            widest = Math.max(widest, Math.max(nominal[i], Math.max(down[i], up[i])));
        }
        List<Trace> traces = List.of(
                Series.of("nominal", Marks.LINES, "#7f7f7f", new double[] {0, widest}, new double[] {0, widest}),
                Series.of("observed, falls", Marks.LINES_AND_MARKERS, Palette.BLUE, nominal, down),
                Series.of("observed, rises", Marks.LINES_AND_MARKERS, Palette.ORANGE, nominal, up));
        return new Figure(title, List.of(new Panel(table.method(), new Axis("nominal exceedance (1 - confidence)", "%"),
                new Axis("observed exceedance", "%"), traces)), 1);
    }

    /** The fee of each bar against the adverse move over the latency after it; breaches marked. */
    static Figure fees(String title, PriceHistory history, FeeCalibration f) {
        double[] fees = f.fees();
        boolean[] breaches = f.breaches();
        double[] returns = history.logReturns();
        int n = fees.length;
        double[] x = new double[n];
        double[] fee = new double[n];
        double[] moves = new double[n];
        double[] breached = new double[n];
        for (int i = 0; i < n; i++) {
            int bar = Ewma.SEED_BARS + i;
            x[i] = year(history.time(bar));
            fee[i] = 100 * fees[i];
            double sum = 0;
            for (int k = bar; k < bar + f.latencyBars(); k++) {
                sum += returns[k];
            }
            moves[i] = 100 * Math.abs(Math.expm1(sum));
            breached[i] = breaches[i] ? moves[i] : Double.NaN;
        }
        List<Trace> traces = List.of(
                Series.of("adverse move", Marks.MARKERS, "#7f7f7f", x, moves),
                Series.of("fee", Marks.LINES, Palette.BLUE, x, fee),
                Series.of("move beyond the fee", Marks.MARKERS, Palette.RED, x, breached));
        return new Figure(title, List.of(new Panel("fee against the adverse move over " + f.latencyBars()
                + " bar(s)", TIME, new Axis("fraction of the price", "%"), traces)), 1);
    }

    /** An instant as a year with its fraction: 2020-07-02 is about 2020.5. */
    static double year(Instant instant) {
        ZonedDateTime time = instant.atZone(ZoneOffset.UTC);
        double days = time.toLocalDate().lengthOfYear();
        return time.getYear() + (time.getDayOfYear() - 1 + time.toLocalTime().toSecondOfDay() / 86_400.0) / days;
    }
}
