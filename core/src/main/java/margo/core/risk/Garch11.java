package margo.core.risk;

/**
 * A GARCH(1,1) variance process with zero mean (Bollerslev 1986, "Generalized autoregressive conditional
 * heteroskedasticity", <i>Journal of Econometrics</i> 31): {@code sigma2[t+1] = omega + alpha r[t]^2 + beta sigma2[t]}.
 * Stationarity ({@code alpha + beta < 1}) is required, so the long-run variance {@code omega / (1 - alpha - beta)}
 * exists.
 *
 * @param omega the constant, in squared log return per bar, &gt; 0
 * @param alpha the weight of the last squared return, &ge; 0
 * @param beta  the weight of the last variance, &ge; 0
 */
public record Garch11(double omega, double alpha, double beta) {

    public Garch11 {
        if (!(omega > 0) || Double.isInfinite(omega)) {
            throw new IllegalArgumentException("GARCH omega must be finite and > 0, not " + omega);
        }
        if (!(alpha >= 0) || !(beta >= 0)) {
            throw new IllegalArgumentException("GARCH alpha and beta must be >= 0, not " + alpha + " and " + beta);
        }
        if (!(alpha + beta < 1)) {
            throw new IllegalArgumentException("GARCH alpha + beta must be below 1 for a stationary variance, not "
                    + (alpha + beta));
        }
    }

    /** The persistence {@code alpha + beta}: how slowly a variance shock decays per bar. */
    public double persistence() {
        return alpha + beta;
    }

    /** The unconditional variance {@code omega / (1 - alpha - beta)}, per bar. */
    public double longRunVariance() {
        return omega / (1 - alpha - beta);
    }

    /**
     * The variance forecasts over {@code logReturns[from, to)} from {@code initialVariance} for bar {@code from}:
     * element {@code k} is bar {@code from + k}'s, the last ({@code k = to - from}) the forecast after the window.
     */
    public double[] variances(double[] logReturns, int from, int to, double initialVariance) {
        double[] variances = new double[to - from + 1];
        double variance = initialVariance;
        for (int t = from; t < to; t++) {
            variances[t - from] = variance;
            variance = omega + alpha * logReturns[t] * logReturns[t] + beta * variance;
        }
        variances[to - from] = variance;
        return variances;
    }
}
