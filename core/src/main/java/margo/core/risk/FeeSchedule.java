package margo.core.risk;

/**
 * A volatility-adaptive fee, {@code fee(t) = clamp(base + k sigma[t], minimum, maximum)}, as a fraction of the
 * traded price, with {@code sigma[t]} the EWMA volatility per bar forecast for bar {@code t}. The form of AMM dynamic
 * fees (Meteora DLMM and Trader Joe's Liquidity Book: a base fee plus a volatility term; Uniswap v4's example hook
 * steps the fee with realised volatility), with a volatility forecast in place of a venue's accumulator.
 *
 * @param base    the fee at zero volatility, a fraction of the price
 * @param k       the fee per unit of one-bar volatility
 * @param minimum the lowest fee
 * @param maximum the highest fee
 * @param ewma    the volatility filter
 */
public record FeeSchedule(double base, double k, double minimum, double maximum, Ewma ewma) {

    public FeeSchedule {
        if (!(minimum >= 0 && minimum <= maximum && maximum < 1)) {
            throw new IllegalArgumentException("fees need 0 <= minimum <= maximum < 1, not minimum " + minimum
                    + " and maximum " + maximum);
        }
        if (!Double.isFinite(base) || !Double.isFinite(k)) {
            throw new IllegalArgumentException("base and k must be finite, not " + base + " and " + k);
        }
        if (ewma == null) {
            throw new IllegalArgumentException("ewma must not be null");
        }
    }

    /** The fee at one-bar volatility {@code sigma}. */
    public double fee(double sigma) {
        return Math.clamp(base + k * sigma, minimum, maximum);
    }

    /** The fee of every bar of {@code logReturns}, each from the volatility forecast made before it. */
    public double[] fees(double[] logReturns) {
        double[] variances = ewma.variances(logReturns, 0, logReturns.length);
        double[] fees = new double[logReturns.length];
        for (int t = 0; t < fees.length; t++) {
            fees[t] = fee(Math.sqrt(variances[t]));
        }
        return fees;
    }
}
