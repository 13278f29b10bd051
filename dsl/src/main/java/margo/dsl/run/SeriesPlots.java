package margo.dsl.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import margo.core.calibration.CalibrationResult;
import margo.core.calibration.ParameterSpec;
import margo.core.calibration.Target;
import margo.dsl.plot.Axis;
import margo.dsl.plot.Figure;
import margo.dsl.plot.Marks;
import margo.dsl.plot.Palette;
import margo.dsl.plot.Panel;
import margo.dsl.plot.Series;
import margo.dsl.value.SeriesFitValue;

/**
 * The figures of a series fit, drawn by {@code plot}: each free parameter through time with a band of two standard
 * errors either side, and the RMSE through time. Time runs along the x axis in hours from the first snapshot when
 * the series spans at most two days, else in days.
 */
final class SeriesPlots {

    private SeriesPlots() {
    }

    /** {@code parameters(fit)}: one panel per free parameter, two columns of panels. */
    static Figure parameters(SeriesFitValue fit, String title) {
        Clock clock = Clock.of(fit.times());
        List<Panel> panels = new ArrayList<>();
        List<ParameterSpec> specs = fit.model().parameters();
        for (int j = 0; j < specs.size(); j++) {
            if (specs.get(j).fixed()) {
                continue;
            }
            int n = fit.results().size();
            double[] value = new double[n];
            double[] low = new double[n];
            double[] high = new double[n];
            for (int i = 0; i < n; i++) {
                CalibrationResult result = fit.results().get(i);
                value[i] = result.parameters()[j];
                double error = result.standardErrors()[j];
                low[i] = Double.isFinite(error) ? value[i] - 2 * error : Double.NaN;
                high[i] = Double.isFinite(error) ? value[i] + 2 * error : Double.NaN;
            }
            String name = specs.get(j).name();
            panels.add(new Panel(name, clock.axis, new Axis(name, ""), List.of(new Series(name + " (+/- 2 s.e.)",
                    Marks.LINES_AND_MARKERS, Palette.BLUE, clock.x, value, low, high))));
        }
        return new Figure(title, panels, 2);
    }

    /** {@code rmse(fit)}: the RMSE of each snapshot's fit. */
    static Figure rmse(SeriesFitValue fit, String title) {
        Clock clock = Clock.of(fit.times());
        int n = fit.results().size();
        double[] rmse = new double[n];
        for (int i = 0; i < n; i++) {
            rmse[i] = fit.results().get(i).rmse();
        }
        Target target = fit.results().getFirst().target();
        String unit = target == Target.PRICE ? "USD" : target.reportingUnit();
        return new Figure(title, List.of(new Panel("RMSE at each snapshot", clock.axis, new Axis("rmse", unit),
                List.of(Series.of("rmse", Marks.LINES_AND_MARKERS, Palette.RED, clock.x, rmse)))), 1);
    }

    /** The snapshots' times as x values, in hours or days from the first. */
    private record Clock(Axis axis, double[] x) {

        static Clock of(List<Instant> times) {
            Instant first = times.getFirst();
            boolean hours = Duration.between(first, times.getLast()).compareTo(Duration.ofDays(2)) <= 0;
            double unit = hours ? 3_600.0 : 86_400.0;
            double[] x = new double[times.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = Duration.between(first, times.get(i)).toMillis() / 1000.0 / unit;
            }
            return new Clock(new Axis("time", (hours ? "hours" : "days") + " from " + first), x);
        }
    }
}
