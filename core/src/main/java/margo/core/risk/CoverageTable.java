package margo.core.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Confidence calibration: for each nominal level, the observed exceedance rate of one estimator's shock series in
 * each tail, with its backtest. A well-calibrated estimator's observed rates sit on {@code 1 - level} at every level;
 * one that is right at 95% but not at 99.9% has the wrong tail shape.
 *
 * @param method the estimator family's description
 * @param rows   one per level, in the order given
 */
public record CoverageTable(String method, List<Row> rows) {

    /** Levels from 90% to 99.9%. */
    public static final double[] STANDARD_LEVELS = {0.90, 0.95, 0.975, 0.99, 0.995, 0.999};

    /**
     * One level's coverage.
     *
     * @param nominal      the confidence level
     * @param observations forecasts checked (non-overlapping horizons)
     * @param downRate     the share of falls beyond the down shock
     * @param upRate       the share of rises beyond the up shock
     * @param down         the down tail's backtest
     * @param up           the up tail's backtest
     */
    public record Row(double nominal, int observations, double downRate, double upRate, Backtest down, Backtest up) {

        /** The nominal exceedance rate {@code 1 - nominal}. */
        public double expectedRate() {
            return 1 - nominal;
        }
    }

    public CoverageTable {
        rows = List.copyOf(rows);
    }

    /**
     * The table over {@code levels} of the estimators {@code estimatorAt.apply(level)}, each run as a shock series
     * over {@code logReturns} with {@code lookback}, refitted every {@code refitEvery} bars.
     */
    public static CoverageTable of(double[] logReturns, DoubleFunction<ShockEstimator> estimatorAt, Lookback lookback,
                                   int refitEvery, double[] levels) {
        if (levels == null || levels.length == 0) {
            throw new IllegalArgumentException("a coverage table needs at least one level");
        }
        List<Row> rows = new ArrayList<>();
        String method = null;
        for (double level : levels) {
            RiskArguments.requireConfidence("a coverage level", level);
            ShockEstimator estimator = estimatorAt.apply(level);
            method = estimator.method();
            ShockSeries series = ShockSeries.estimate(logReturns, estimator, lookback, refitEvery);
            Backtest down = series.backtest(Tail.DOWN);
            Backtest up = series.backtest(Tail.UP);
            rows.add(new Row(level, down.observations(), down.exceptionRate(), up.exceptionRate(), down, up));
        }
        return new CoverageTable(method, rows);
    }
}
