package margo.core.risk;

/**
 * An estimator of the down and up shock over a horizon from one-bar log returns, each tail on its own.
 *
 * <p>Implementations: {@link HistoricalSimulation}, {@link EwmaEstimator} (RiskMetrics, normal or Student-t) and
 * {@link FilteredHistoricalSimulation} (EWMA or GARCH(1,1) filter). An estimate uses only the returns of its window,
 * so a {@link ShockSeries} built by moving the window forward never looks ahead.
 */
public interface ShockEstimator {

    /** The confidence, horizon and measure this estimator delivers. */
    ShockSpec spec();

    /** A short description for reports, e.g. {@code "historical simulation, direct horizon"}. */
    String method();

    /**
     * The shock over the next {@link ShockSpec#horizonBars()} bars after the window, estimated from the one-bar log
     * returns {@code logReturns[from, to)}.
     *
     * @throws IllegalArgumentException if the window lies outside the returns or is too short for the estimator
     */
    Shock shock(double[] logReturns, int from, int to);

    /** The fewest returns a window must hold. */
    int minimumSample();

    /**
     * An estimator for one pass forward in time over successive windows, which may start each fit from the previous
     * one (GARCH does; the result then depends on earlier windows only, never on later data). Not shared between
     * threads. By default this estimator itself, which keeps no state.
     */
    default ShockEstimator forwardPass() {
        return this;
    }
}
