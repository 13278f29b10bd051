package margo.dsl.plot;

import java.util.List;
import margo.core.smiles.SurfaceFit;

/**
 * A fitted implied-volatility surface seen from above: one heat map of the surface's implied vol (percent) over
 * log-moneyness ln(K/F), across the quoted range, and time to expiry, from the first fitted expiry to the last,
 * read as {@link SurfaceFit#impliedVolatility(double, double)} reads it (total variance linear in time between
 * fitted expiries).
 */
public final class SurfacePlot {

    /** Grid points along log-moneyness and along time to expiry. */
    static final int MONEYNESS_POINTS = 61;
    static final int TIME_POINTS = 41;
    private static final double DAYS_PER_YEAR = 365.0;

    private SurfacePlot() {
    }

    /** The figure, or null when the surface has no fitted expiry. */
    public static Figure of(SurfaceFit fit, String title) {
        double[] times = fit.times();
        if (times.length == 0) {
            return null;
        }
        double[] range = fit.quotes().logMoneynessRange();
        double[] k = grid(range[0], range[1], MONEYNESS_POINTS);
        double[] t = grid(times[0], times[times.length - 1], times.length == 1 ? 1 : TIME_POINTS);
        double[] days = new double[t.length];
        double[][] volatility = new double[t.length][k.length];
        for (int row = 0; row < t.length; row++) {
            days[row] = t[row] * DAYS_PER_YEAR;
            for (int column = 0; column < k.length; column++) {
                volatility[row][column] = 100 * fit.impliedVolatility(t[row], k[column]);
            }
        }
        HeatMap map = new HeatMap("implied vol", k, days, volatility, "implied vol (%)");
        Panel panel = new Panel(fit.family().name().toLowerCase(java.util.Locale.ROOT) + " surface",
                new Axis("log-moneyness ln(K/F)", ""), new Axis("time to expiry", "days"), List.of(map));
        return new Figure(title, List.of(panel), 1);
    }

    /** {@code points} evenly spaced values from {@code from} to {@code to}, both included. */
    static double[] grid(double from, double to, int points) {
        double[] values = new double[points];
        for (int i = 0; i < points; i++) {
            values[i] = points == 1 ? from : from + (to - from) * i / (points - 1);
        }
        return values;
    }
}
