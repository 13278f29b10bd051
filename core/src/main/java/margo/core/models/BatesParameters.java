package margo.core.models;

/**
 * Bates' (1996) model: {@link HestonParameters Heston} stochastic variance plus independent
 * {@link LognormalJumps lognormal jumps} in the forward, so the characteristic function is the product of the two.
 *
 * @param v0 the instantaneous variance today, annualised, &gt; 0
 * @param kappa the speed of mean reversion of the variance, per year, &gt; 0
 * @param theta the long-run variance, annualised, &gt; 0
 * @param xi the volatility of variance, per square-root year, &gt; 0
 * @param rho the correlation between forward and variance shocks, in [-1, 1]
 * @param lambda the jump intensity, expected jumps per year, &ge; 0
 * @param muJ the mean of a jump in the log forward, dimensionless
 * @param sigmaJ the standard deviation of a jump in the log forward, &ge; 0
 */
public record BatesParameters(double v0, double kappa, double theta, double xi, double rho, double lambda,
        double muJ, double sigmaJ) implements CharacteristicFunctionModel {

    private static final String[] NAMES = {"v0", "kappa", "theta", "xi", "rho", "lambda", "muJ", "sigmaJ"};

    public BatesParameters {
        HestonParameters.requireValid(v0, kappa, theta, xi, rho);
        LognormalJumps.requireValid(lambda, muJ, sigmaJ);
    }

    /** From {@code {v0, kappa, theta, xi, rho, lambda, muJ, sigmaJ}}. */
    public static BatesParameters of(double[] values) {
        ModelArguments.requireLength("bates", NAMES, values);
        return new BatesParameters(values[0], values[1], values[2], values[3], values[4], values[5], values[6],
                values[7]);
    }

    @Override
    public String modelName() {
        return "bates";
    }

    @Override
    public String[] parameterNames() {
        return NAMES.clone();
    }

    @Override
    public double[] parameters() {
        return new double[] {v0, kappa, theta, xi, rho, lambda, muJ, sigmaJ};
    }

    @Override
    public BatesParameters withParameters(double[] values) {
        return of(values);
    }

    @Override
    public Complex characteristicFunction(double u, double timeYears) {
        return HestonParameters.logCharacteristicFunction(v0, kappa, theta, xi, rho, u, timeYears)
                .plus(LognormalJumps.logCharacteristicFunction(lambda, muJ, sigmaJ, u, timeYears)).exp();
    }

    /**
     * phi and its gradient in {@code (v0, kappa, theta, xi, rho, lambda, muJ, sigmaJ)}: with
     * {@code phi = phi_Heston phi_jumps}, the Heston parameters' derivatives are
     * {@link HestonParameters#characteristicFunctionAndGradient Heston's} times {@code phi_jumps}, the jump
     * parameters' are {@code phi d ln phi_jumps / d p} ({@link LognormalJumps#logCharacteristicFunctionAndGradient}).
     */
    @Override
    public Complex characteristicFunctionAndGradient(double u, double timeYears, double[] gradientRe,
            double[] gradientIm) {
        Complex heston = new HestonParameters(v0, kappa, theta, xi, rho)
                .characteristicFunctionAndGradient(u, timeYears, gradientRe, gradientIm);
        Complex jumps = LognormalJumps.logCharacteristicFunctionAndGradient(lambda, muJ, sigmaJ, u, timeYears,
                gradientRe, gradientIm, HestonParameters.PARAMETER_COUNT).exp();
        Complex phi = heston.times(jumps);
        jumps.timesEach(gradientRe, gradientIm, 0, HestonParameters.PARAMETER_COUNT);
        phi.timesEach(gradientRe, gradientIm, HestonParameters.PARAMETER_COUNT, NAMES.length);
        return phi;
    }

    /** Widened for rare jumps: {@link LognormalJumps#truncationHalfWidth}. */
    @Override
    public double truncationHalfWidth(double timeYears, Cumulants cumulants, double truncationMultiple) {
        return LognormalJumps.truncationHalfWidth(cumulants, truncationMultiple, lambda, muJ, sigmaJ,
                HestonParameters.secondCumulant(v0, kappa, theta, xi, rho, timeYears));
    }

    /**
     * Cumulants of independent parts add: Heston's c1, c2 in closed form (see {@link HestonParameters#cumulants}) plus
     * the jumps'; c4 from this characteristic function ({@link Cumulants#fourthFromCharacteristicFunction}).
     */
    @Override
    public Cumulants cumulants(double timeYears) {
        double c2 = HestonParameters.secondCumulant(v0, kappa, theta, xi, rho, timeYears)
                + LognormalJumps.secondCumulant(lambda, muJ, sigmaJ, timeYears);
        double c1 = HestonParameters.firstCumulant(v0, kappa, theta, timeYears)
                + LognormalJumps.firstCumulant(lambda, muJ, sigmaJ, timeYears);
        return new Cumulants(c1, c2, Cumulants.fourthFromCharacteristicFunction(this, timeYears, c2));
    }
}
