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

    /** {@code d omega / d sigma = -sigma / b}, {@code b = 1 - theta nu - sigma^2 nu / 2}. */
    double omegaBySigma() {
        return -sigma / martingaleBase();
    }

    /** {@code d omega / d nu = -(theta + sigma^2 / 2) / (b nu) - omega / nu}. */
    double omegaByNu() {
        return -(theta + 0.5 * sigma * sigma) / (martingaleBase() * nu) - omega() / nu;
    }

    /** {@code d omega / d theta = -1 / b}. */
    double omegaByTheta() {
        return -1.0 / martingaleBase();
    }

    /** {@code b = 1 - theta nu - sigma^2 nu / 2}, whose logarithm is {@code omega nu}. */
    private double martingaleBase() {
        return 1.0 - theta * nu - 0.5 * sigma * sigma * nu;
    }

    /** {@code ln phi = i u omega T - (T / nu) ln(1 - i u theta nu + sigma^2 nu u^2 / 2)} (Madan et al. 1998). */
    @Override
    public Complex characteristicFunction(double u, double timeYears) {
        Complex base = new Complex(1.0 + 0.5 * sigma * sigma * nu * u * u, -u * theta * nu);
        return base.log().times(-timeYears / nu).plus(Complex.imaginary(u * omega() * timeYears)).exp();
    }

    /**
     * phi and its gradient in {@code (sigma, nu, theta)}: {@code d phi / d p = phi d ln phi / d p} with
     * {@code ln phi = i u omega T - (T / nu) ln B}, {@code B = 1 - i u theta nu + sigma^2 nu u^2 / 2} and
     * {@code omega = ln b / nu}, {@code b = 1 - theta nu - sigma^2 nu / 2}:
     * {@code d ln phi / d p = i u T d omega / d p - (T / nu) (d B / d p) / B}, plus {@code (T / nu^2) ln B} for nu,
     * with {@code d B / d sigma = sigma nu u^2}, {@code d B / d nu = sigma^2 u^2 / 2 - i u theta},
     * {@code d B / d theta = -i u nu}.
     */
    @Override
    public Complex characteristicFunctionAndGradient(double u, double timeYears, double[] gradientRe,
            double[] gradientIm) {
        double t = timeYears;
        double s2 = sigma * sigma;
        double omega = omega();
        Complex base = new Complex(1.0 + 0.5 * s2 * nu * u * u, -u * theta * nu);
        Complex logBase = base.log();
        Complex perBase = base.reciprocal().times(-t / nu);
        Complex iuT = Complex.imaginary(u * t);
        Complex phi = logBase.times(-t / nu).plus(Complex.imaginary(u * omega * t)).exp();
        iuT.times(omegaBySigma()).plus(perBase.times(sigma * nu * u * u)).storeAt(0, gradientRe, gradientIm);
        Complex baseByNu = new Complex(0.5 * s2 * u * u, -u * theta);
        iuT.times(omegaByNu()).plus(perBase.times(baseByNu)).plus(logBase.times(t / (nu * nu)))
                .storeAt(1, gradientRe, gradientIm);
        iuT.times(omegaByTheta()).plus(perBase.times(Complex.imaginary(-u * nu))).storeAt(2, gradientRe, gradientIm);
        phi.timesEach(gradientRe, gradientIm, 0, NAMES.length);
        return phi;
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
