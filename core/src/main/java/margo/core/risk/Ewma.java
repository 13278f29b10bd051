package margo.core.risk;

/**
 * Exponentially weighted moving average of squared returns, RiskMetrics' volatility (J.P. Morgan/Reuters,
 * <i>RiskMetrics Technical Document</i>, 4th ed., 1996, section 5.2.1): with zero mean,
 * {@code sigma2[t+1] = lambda sigma2[t] + (1 - lambda) r[t]^2}.
 *
 * <p>The recursion is seeded with the mean square of the window's first {@value #SEED_BARS} returns (or all of them
 * if fewer): forecasts inside that warm-up see those returns; from bar {@value #SEED_BARS} of the window on, every
 * forecast uses only earlier returns. A seed weighs {@code lambda^n} after {@code n} bars (2e-7 after 250 at 0.94).
 *
 * @param lambda the decay in (0, 1); RiskMetrics uses 0.94 for daily and 0.97 for monthly data
 */
public record Ewma(double lambda) {

    /** RiskMetrics' daily decay. */
    public static final double RISKMETRICS_DAILY_LAMBDA = 0.94;

    /** The RiskMetrics daily filter. */
    public static final Ewma RISKMETRICS = new Ewma(RISKMETRICS_DAILY_LAMBDA);

    /** Returns in the seed of the recursion. */
    public static final int SEED_BARS = 30;

    public Ewma {
        if (!(lambda > 0 && lambda < 1)) {
            throw new IllegalArgumentException("the EWMA decay lambda must be in (0, 1), such as 0.94, not " + lambda);
        }
    }

    /**
     * The variance forecasts over the window {@code logReturns[from, to)}: element {@code k} is the forecast of
     * bar {@code from + k}'s variance from the bars before it, and the last element ({@code k = to - from}) the
     * forecast for the bar after the window.
     */
    public double[] variances(double[] logReturns, int from, int to) {
        RiskArguments.requireWindow(logReturns, from, to, 1);
        double[] variances = new double[to - from + 1];
        double variance = seed(logReturns, from, to);
        for (int t = from; t < to; t++) {
            variances[t - from] = variance;
            variance = lambda * variance + (1 - lambda) * logReturns[t] * logReturns[t];
        }
        variances[to - from] = variance;
        return variances;
    }

    /** The variance forecast for the bar after the window {@code logReturns[from, to)}. */
    public double nextVariance(double[] logReturns, int from, int to) {
        RiskArguments.requireWindow(logReturns, from, to, 1);
        double variance = seed(logReturns, from, to);
        for (int t = from; t < to; t++) {
            variance = lambda * variance + (1 - lambda) * logReturns[t] * logReturns[t];
        }
        return variance;
    }

    private static double seed(double[] logReturns, int from, int to) {
        int end = Math.min(to, from + SEED_BARS);
        double sum = 0;
        for (int t = from; t < end; t++) {
            sum += logReturns[t] * logReturns[t];
        }
        return sum / (end - from);
    }
}
