package margo.core.smiles;

/**
 * Gatheral's raw SVI smile (Gatheral 2004; Gatheral and Jacquier 2014, eq. 3.1), total implied variance against
 * log-moneyness {@code k = ln(K/F)}:
 * {@code w(k) = a + b (rho (k - m) + sqrt((k - m)^2 + sigma^2))}.
 *
 * @param a     the level: vertical shift of total variance (dimensionless, years x vol^2)
 * @param b     the angle between the wings, &ge; 0: the wings' slopes are {@code b(1 - rho)} and {@code b(1 + rho)}
 * @param rho   the rotation, in (-1, 1): negative tilts variance towards low strikes
 * @param m     the horizontal translation, in log-moneyness
 * @param sigma the smoothness of the vertex, &gt; 0, in log-moneyness
 */
public record SviRaw(double a, double b, double rho, double m, double sigma) implements Smile {

    public SviRaw {
        Checks.finite("a", a);
        Checks.finite("m", m);
        if (!(b >= 0) || Double.isInfinite(b)) {
            throw new IllegalArgumentException("b must be finite and >= 0, but was " + b);
        }
        Checks.correlation("rho", rho);
        Checks.positive("sigma", sigma);
        // Gatheral and Jacquier 2014, section 3.1: w >= 0 everywhere iff a + b sigma sqrt(1 - rho^2) >= 0.
        double minimum = a + b * sigma * Math.sqrt(1 - rho * rho);
        if (minimum < -1e-14 * (Math.abs(a) + 1e-300)) {
            throw new IllegalArgumentException("a + b sigma sqrt(1 - rho^2), the minimum total variance, must be >= 0,"
                    + " but was " + minimum + " (a=" + a + ", b=" + b + ", rho=" + rho + ", sigma=" + sigma + ")");
        }
    }

    /**
     * The steeper wing's slope of total variance in log-moneyness, {@code b (1 + |rho|)}: Lee's moment formula
     * (R. Lee, "The moment formula for implied volatility at extreme strikes", Mathematical Finance 14(3) (2004)
     * 469-480) bounds both wings' slopes by 2 without arbitrage; beyond it the density {@code g(k)} tends to
     * {@code 1/4 - b^2 (1 + |rho|)^2 / 16 < 0} far in that wing (Gatheral and Jacquier 2014, section 3), wherever
     * a finite grid ends.
     */
    public double steepestWingSlope() {
        return b * (1 + Math.abs(rho));
    }

    @Override
    public double totalVariance(double logMoneyness) {
        double x = logMoneyness - m;
        return a + b * (rho * x + Math.sqrt(x * x + sigma * sigma));
    }

    /** {@code w'(k) = b (rho + (k - m) / sqrt((k - m)^2 + sigma^2))}, in closed form. */
    @Override
    public double totalVarianceSlope(double logMoneyness) {
        double x = logMoneyness - m;
        return b * (rho + x / Math.sqrt(x * x + sigma * sigma));
    }

    /** {@code w''(k) = b sigma^2 / ((k - m)^2 + sigma^2)^(3/2)}, in closed form. */
    @Override
    public double totalVarianceCurvature(double logMoneyness) {
        double x = logMoneyness - m;
        double r2 = x * x + sigma * sigma;
        return b * sigma * sigma / (r2 * Math.sqrt(r2));
    }

    /** The minimum total variance over k, {@code a + b sigma sqrt(1 - rho^2)}, reached at {@code k = m - rho sigma / sqrt(1 - rho^2)}. */
    public double minimumTotalVariance() {
        return a + b * sigma * Math.sqrt(1 - rho * rho);
    }
}
