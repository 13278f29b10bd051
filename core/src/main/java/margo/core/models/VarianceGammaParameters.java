package margo.core.models;

/**
 * The variance gamma model of D. B. Madan, P. P. Carr and E. C. Chang, "The variance gamma process and option
 * pricing", European Finance Review 2 (1998) 79-105: Brownian motion with drift theta and volatility sigma run on a
 * gamma clock G of mean T and variance nu T, {@code X = omega T + theta G + sigma W(G)}, with the martingale
 * correction {@code omega = ln(1 - theta nu - sigma^2 nu / 2) / nu}.
 *
 * @param sigma the volatility of the subordinated Brownian motion, annualised decimal, &gt; 0
 * @param nu the variance rate of the gamma clock, years, &gt; 0 (kurtosis)
 * @param theta the drift of the subordinated Brownian motion per unit of gamma time, dimensionless (skew)
 */
public record VarianceGammaParameters(double sigma, double nu, double theta) implements CharacteristicFunctionModel {

    private static final String[] NAMES = {"sigma", "nu", "theta"};

    public VarianceGammaParameters {
        ModelArguments.requirePositive("sigma", sigma);
        ModelArguments.requirePositive("nu", nu);
        ModelArguments.requireFinite("theta", theta);
        double base = 1.0 - theta * nu - 0.5 * sigma * sigma * nu;
        if (!(base > 0.0)) {
            throw new IllegalArgumentException("variance gamma needs theta nu + sigma^2 nu / 2 < 1 for E[F_T] to be"
                    + " finite; theta = " + theta + ", nu = " + nu + ", sigma = " + sigma + " give " + (1.0 - base));
        }
    }

    /** From {@code {sigma, nu, theta}}. */
    public static VarianceGammaParameters of(double[] values) {
        ModelArguments.requireLength("vg", NAMES, values);
        return new VarianceGammaParameters(values[0], values[1], values[2]);
    }

    @Override
    public String modelName() {
        return "vg";
    }

    @Override
    public String[] parameterNames() {
        return NAMES.clone();
    }

    @Override
    public double[] parameters() {
        return new double[] {sigma, nu, theta};
    }

    @Override
    public VarianceGammaParameters withParameters(double[] values) {
        return of(values);
    }

    /** The martingale correction omega, per year. */
    public double omega() {
        return Math.log1p(-theta * nu - 0.5 * sigma * sigma * nu) / nu;
    }

    /** {@code ln phi = i u omega T - (T / nu) ln(1 - i u theta nu + sigma^2 nu u^2 / 2)} (Madan et al. 1998). */
    @Override
    public Complex characteristicFunction(double u, double timeYears) {
        Complex base = new Complex(1.0 + 0.5 * sigma * sigma * nu * u * u, -u * theta * nu);
        return base.log().times(-timeYears / nu).plus(Complex.imaginary(u * omega() * timeYears)).exp();
    }

    /**
     * Fang and Oosterlee (2008), Table 11: {@code c1 = (omega + theta) T}, {@code c2 = (sigma^2 + nu theta^2) T},
     * {@code c4 = 3 (sigma^4 nu + 2 theta^4 nu^3 + 4 sigma^2 theta^2 nu^2) T}.
     */
    @Override
    public Cumulants cumulants(double timeYears) {
        double s2 = sigma * sigma;
        double t2 = theta * theta;
        return new Cumulants((omega() + theta) * timeYears, (s2 + nu * t2) * timeYears,
                3.0 * (s2 * s2 * nu + 2.0 * t2 * t2 * nu * nu * nu + 4.0 * s2 * t2 * nu * nu) * timeYears);
    }
}
