package margo.core.models;

/**
 * Merton's (1976) jump diffusion of the forward: Black-76 diffusion with volatility sigma plus
 * {@link LognormalJumps lognormal jumps}; {@code X = -(sigma^2 / 2 + lambda k) T + sigma W_T + sum of N_T jumps}.
 *
 * @param sigma the diffusion volatility, annualised decimal, &gt; 0
 * @param lambda the jump intensity, expected jumps per year, &ge; 0
 * @param muJ the mean of a jump in the log forward, dimensionless (-0.05 is a typical 5% down-move)
 * @param sigmaJ the standard deviation of a jump in the log forward, &ge; 0
 */
public record MertonParameters(double sigma, double lambda, double muJ, double sigmaJ)
        implements CharacteristicFunctionModel {

    private static final String[] NAMES = {"sigma", "lambda", "muJ", "sigmaJ"};

    public MertonParameters {
        ModelArguments.requirePositive("sigma", sigma);
        LognormalJumps.requireValid(lambda, muJ, sigmaJ);
    }

    /** From {@code {sigma, lambda, muJ, sigmaJ}}. */
    public static MertonParameters of(double[] values) {
        ModelArguments.requireLength("merton", NAMES, values);
        return new MertonParameters(values[0], values[1], values[2], values[3]);
    }

    @Override
    public String modelName() {
        return "merton";
    }

    @Override
    public String[] parameterNames() {
        return NAMES.clone();
    }

    @Override
    public double[] parameters() {
        return new double[] {sigma, lambda, muJ, sigmaJ};
    }

    @Override
    public MertonParameters withParameters(double[] values) {
        return of(values);
    }

    /** {@code ln phi = -sigma^2 T (i u + u^2) / 2 + (jump term of LognormalJumps)}. */
    @Override
    public Complex characteristicFunction(double u, double timeYears) {
        double halfVariance = 0.5 * sigma * sigma * timeYears;
        Complex diffusion = new Complex(-halfVariance * u * u, -halfVariance * u);
        return diffusion.plus(LognormalJumps.logCharacteristicFunction(lambda, muJ, sigmaJ, u, timeYears)).exp();
    }

    /**
     * phi and its gradient in {@code (sigma, lambda, muJ, sigmaJ)}: {@code d phi / d p = phi d ln phi / d p}, with
     * {@code d ln phi / d sigma = -sigma T (u^2 + i u)} and the jumps' share from
     * {@link LognormalJumps#logCharacteristicFunctionAndGradient}.
     */
    @Override
    public Complex characteristicFunctionAndGradient(double u, double timeYears, double[] gradientRe,
            double[] gradientIm) {
        double halfVariance = 0.5 * sigma * sigma * timeYears;
        Complex diffusion = new Complex(-halfVariance * u * u, -halfVariance * u);
        Complex phi = diffusion.plus(LognormalJumps.logCharacteristicFunctionAndGradient(lambda, muJ, sigmaJ, u,
                timeYears, gradientRe, gradientIm, 1)).exp();
        gradientRe[0] = -sigma * timeYears * u * u;
        gradientIm[0] = -sigma * timeYears * u;
        phi.timesEach(gradientRe, gradientIm, 0, NAMES.length);
        return phi;
    }

    /** Widened for rare jumps: {@link LognormalJumps#truncationHalfWidth}. */
    @Override
    public double truncationHalfWidth(double timeYears, Cumulants cumulants, double truncationMultiple) {
        return LognormalJumps.truncationHalfWidth(cumulants, truncationMultiple, lambda, muJ, sigmaJ,
                sigma * sigma * timeYears);
    }

    /** In closed form: diffusion c1 = -sigma^2 T / 2, c2 = sigma^2 T, c4 = 0, plus the jumps' cumulants. */
    @Override
    public Cumulants cumulants(double timeYears) {
        double variance = sigma * sigma * timeYears;
        return new Cumulants(-0.5 * variance + LognormalJumps.firstCumulant(lambda, muJ, sigmaJ, timeYears),
                variance + LognormalJumps.secondCumulant(lambda, muJ, sigmaJ, timeYears),
                LognormalJumps.fourthCumulant(lambda, muJ, sigmaJ, timeYears));
    }
}
