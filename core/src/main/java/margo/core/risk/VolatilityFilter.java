package margo.core.risk;

/**
 * The volatility model that filters returns for {@link FilteredHistoricalSimulation}: it gives the variance
 * forecast of every bar in a window and of the bar after it.
 */
public sealed interface VolatilityFilter {

    /** RiskMetrics EWMA with the given decay. */
    record EwmaFilter(Ewma ewma) implements VolatilityFilter {
        public EwmaFilter {
            if (ewma == null) {
                throw new IllegalArgumentException("ewma must not be null");
            }
        }
    }

    /** GARCH(1,1) fitted by maximum likelihood to each window ({@link Garch11Estimation}). */
    record GarchFilter() implements VolatilityFilter {
    }

    /** The RiskMetrics daily EWMA filter. */
    VolatilityFilter EWMA = new EwmaFilter(Ewma.RISKMETRICS);

    /** The GARCH(1,1) filter. */
    VolatilityFilter GARCH = new GarchFilter();
}
