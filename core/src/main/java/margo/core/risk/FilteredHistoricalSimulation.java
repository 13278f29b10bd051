package margo.core.risk;

/**
 * Filtered historical simulation (Barone-Adesi, Giannopoulos and Vosper 1999, "VaR without correlations for
 * portfolios of derivative securities", <i>Journal of Futures Markets</i> 19(5); Hull and White 1998): each return of
 * the window is divided by its volatility forecast, and the empirical tail of these standardised returns is scaled by
 * the forecast for the next bar, {@code sigma[next] sqrt(N) tail(z)}. The shock thus follows today's volatility while
 * keeping the data's own tail shape, each tail on its own. The horizon is reached by the square root of time.
 *
 * <p>With the GARCH filter each window is refitted by maximum likelihood; in a {@link #forwardPass()} every fit starts
 * from the previous window's optimum.
 *
 * @param spec   the confidence, horizon and measure
 * @param filter EWMA or GARCH(1,1)
 */
public record FilteredHistoricalSimulation(ShockSpec spec, VolatilityFilter filter) implements ShockEstimator {

    public FilteredHistoricalSimulation {
        if (spec == null || filter == null) {
            throw new IllegalArgumentException("spec and filter must not be null");
        }
    }

    @Override
    public String method() {
        return switch (filter) {
            case VolatilityFilter.EwmaFilter ewma -> "filtered historical simulation, EWMA lambda "
                    + ewma.ewma().lambda();
            case VolatilityFilter.GarchFilter garch -> "filtered historical simulation, GARCH(1,1)";
        };
    }

    @Override
    public int minimumSample() {
        return switch (filter) {
            case VolatilityFilter.EwmaFilter ewma -> Math.max(Ewma.SEED_BARS, HistoricalSimulation.MINIMUM_OBSERVATIONS);
            case VolatilityFilter.GarchFilter garch -> Garch11Estimation.MINIMUM_OBSERVATIONS;
        };
    }

    @Override
    public Shock shock(double[] logReturns, int from, int to) {
        RiskArguments.requireWindow(logReturns, from, to, minimumSample());
        return switch (filter) {
            case VolatilityFilter.EwmaFilter ewma -> filtered(logReturns, from, to,
                    ewma.ewma().variances(logReturns, from, to));
            case VolatilityFilter.GarchFilter garch -> new WarmGarchPass(this).shock(logReturns, from, to);
        };
    }

    @Override
    public ShockEstimator forwardPass() {
        return filter instanceof VolatilityFilter.GarchFilter ? new WarmGarchPass(this) : this;
    }

    /** The shock from the window's returns standardised by {@code variances} (one per bar, plus the next). */
    Shock filtered(double[] logReturns, int from, int to, double[] variances) {
        int n = to - from;
        double[] z = new double[n];
        for (int t = 0; t < n; t++) {
            z[t] = variances[t] > 0 ? logReturns[from + t] / Math.sqrt(variances[t]) : 0;
        }
        double scale = Math.sqrt(variances[n] * spec.horizonBars());
        double p = spec.tailProbability();
        return Shock.ofLogReturns(scale * TailQuantiles.lower(z, p, spec.measure()),
                scale * TailQuantiles.upper(z, p, spec.measure()));
    }

    /** A pass of the GARCH filter, each fit warm-started from the previous window's (the first from a standard start). */
    private static final class WarmGarchPass implements ShockEstimator {

        private final FilteredHistoricalSimulation estimator;
        private Garch11 previous;

        WarmGarchPass(FilteredHistoricalSimulation estimator) {
            this.estimator = estimator;
        }

        @Override
        public ShockSpec spec() {
            return estimator.spec;
        }

        @Override
        public String method() {
            return estimator.method();
        }

        @Override
        public int minimumSample() {
            return estimator.minimumSample();
        }

        @Override
        public Shock shock(double[] logReturns, int from, int to) {
            RiskArguments.requireWindow(logReturns, from, to, minimumSample());
            Garch11Estimation.Optimum optimum = Garch11Estimation.optimise(logReturns, from, to, previous);
            previous = optimum.parameters();
            return estimator.filtered(logReturns, from, to,
                    previous.variances(logReturns, from, to, optimum.initialVariance()));
        }
    }
}
