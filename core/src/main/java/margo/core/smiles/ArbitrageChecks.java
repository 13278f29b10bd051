package margo.core.smiles;

import java.util.ArrayList;
import java.util.List;

/**
 * Static-arbitrage checks of smiles on a log-moneyness grid, after Gatheral and Jacquier (2014), section 2:
 * butterfly arbitrage where the density {@code g(k)} (eq. 2.1) is negative, calendar arbitrage where total
 * variance {@code w(k, T)} falls as {@code T} rises at fixed {@code k}.
 */
public final class ArbitrageChecks {

    /**
     * How far below zero {@code g(k)} or a total-variance difference may be before it counts as arbitrage:
     * absorbs round-off in closed forms and finite-difference error in {@link Smile#density} for SABR.
     */
    public static final double TOLERANCE = 1e-9;

    private ArbitrageChecks() {
    }

    /** {@code points} evenly spaced log-moneyness values from {@code from} to {@code to} inclusive. */
    public static double[] grid(double from, double to, int points) {
        Checks.finite("from", from);
        Checks.finite("to", to);
        if (!(to > from)) {
            throw new IllegalArgumentException("to must be > from, but were " + from + " and " + to);
        }
        if (points < 2) {
            throw new IllegalArgumentException("points must be >= 2, but was " + points);
        }
        double[] grid = new double[points];
        for (int i = 0; i < points; i++) {
            grid[i] = from + (to - from) * i / (points - 1);
        }
        return grid;
    }

    /** The ranges of {@code grid} where the smile's density {@code g(k)} is below {@code -TOLERANCE}. */
    public static List<LogMoneynessRange> butterfly(Smile smile, double[] grid) {
        double[] g = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            g[i] = smile.density(grid[i]);
        }
        return LogMoneynessRange.negativeRuns(grid, g, TOLERANCE);
    }

    /** The ranges of {@code grid} where {@code later.totalVariance(k) < earlier.totalVariance(k) - TOLERANCE}. */
    public static List<LogMoneynessRange> calendar(Smile earlier, Smile later, double[] grid) {
        double[] rise = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            rise[i] = later.totalVariance(grid[i]) - earlier.totalVariance(grid[i]);
        }
        return LogMoneynessRange.negativeRuns(grid, rise, TOLERANCE);
    }

    /**
     * Both checks on a surface of smiles in increasing expiry.
     *
     * @param smiles            one smile per expiry, nearest first
     * @param times             each expiry's time to expiry, years, increasing
     * @param grid              the log-moneyness points to check
     * @param conditionFailures failed sufficient conditions of the family, carried into the report
     */
    public static ArbitrageReport surface(List<? extends Smile> smiles, double[] times, double[] grid,
                                          List<String> conditionFailures) {
        if (smiles.size() != times.length) {
            throw new IllegalArgumentException("smiles and times must have the same length, but have "
                    + smiles.size() + " and " + times.length);
        }
        List<ButterflyViolation> butterfly = new ArrayList<>();
        List<CalendarViolation> calendar = new ArrayList<>();
        for (int i = 0; i < smiles.size(); i++) {
            for (LogMoneynessRange range : butterfly(smiles.get(i), grid)) {
                butterfly.add(new ButterflyViolation(i, times[i], range));
            }
            if (i > 0) {
                for (LogMoneynessRange range : calendar(smiles.get(i - 1), smiles.get(i), grid)) {
                    calendar.add(new CalendarViolation(i - 1, i, range));
                }
            }
        }
        return new ArbitrageReport(grid, butterfly, calendar, conditionFailures);
    }
}
