package margo.core.models;

/**
 * Merton's (1976) compound-Poisson jumps in the log forward, shared by {@link MertonParameters} and
 * {@link BatesParameters}: jumps arrive at rate lambda per year and each multiplies the forward by {@code e^J},
 * {@code J ~ N(muJ, sigmaJ^2)}; the drift {@code -lambda k}, {@code k = E[e^J] - 1 = e^{muJ + sigmaJ^2/2} - 1},
 * keeps the forward a martingale.
 */
final class LognormalJumps {

    private LognormalJumps() {
    }

    /** The checks of the jump parameters, shared by Merton and Bates. */
    static void requireValid(double lambda, double muJ, double sigmaJ) {
        ModelArguments.requireNonNegative("lambda", lambda);
        ModelArguments.requireFinite("muJ", muJ);
        ModelArguments.requireNonNegative("sigmaJ", sigmaJ);
    }

    /** {@code ln E[e^{i u X_jumps}] = lambda T (e^{i u muJ - sigmaJ^2 u^2 / 2} - 1) - i u lambda k T}. */
    static Complex logCharacteristicFunction(double lambda, double muJ, double sigmaJ, double u, double timeYears) {
        double lambdaT = lambda * timeYears;
        Complex jump = new Complex(-0.5 * sigmaJ * sigmaJ * u * u, u * muJ).exp().minus(1.0);
        return jump.times(lambdaT).plus(Complex.imaginary(-u * lambdaT * meanJumpSize(muJ, sigmaJ)));
    }

    /**
     * {@code ln E[e^{i u X_jumps}]} as {@link #logCharacteristicFunction}, and its gradient with respect to
     * {@code (lambda, muJ, sigmaJ)} into {@code gradientRe/Im[offset ..]}. With the jump transform
     * {@code E = e^{i u muJ - sigmaJ^2 u^2 / 2}} and {@code dk / d muJ = k + 1}, {@code dk / d sigmaJ = sigmaJ (k + 1)}:
     * {@code d / d lambda = T (E - 1 - i u k)}, {@code d / d muJ = i u lambda T (E - k - 1)},
     * {@code d / d sigmaJ = -lambda T sigmaJ (u^2 E + i u (k + 1))}.
     */
    static Complex logCharacteristicFunctionAndGradient(double lambda, double muJ, double sigmaJ, double u,
            double timeYears, double[] gradientRe, double[] gradientIm, int offset) {
        double lambdaT = lambda * timeYears;
        double k = meanJumpSize(muJ, sigmaJ);
        Complex transform = new Complex(-0.5 * sigmaJ * sigmaJ * u * u, u * muJ).exp();
        Complex jump = transform.minus(1.0);
        Complex iu = Complex.imaginary(u);
        jump.minus(iu.times(k)).times(timeYears).storeAt(offset, gradientRe, gradientIm);
        iu.times(transform.minus(k + 1.0)).times(lambdaT).storeAt(offset + 1, gradientRe, gradientIm);
        transform.times(u * u).plus(iu.times(k + 1.0)).times(-lambdaT * sigmaJ)
                .storeAt(offset + 2, gradientRe, gradientIm);
        return jump.times(lambdaT).plus(Complex.imaginary(-u * lambdaT * k));
    }

    /** {@code k = E[e^J] - 1}, the mean relative jump of the forward. */
    static double meanJumpSize(double muJ, double sigmaJ) {
        return Math.expm1(muJ + 0.5 * sigmaJ * sigmaJ);
    }

    /** The jumps' share of c1: {@code lambda T (muJ - k)}. */
    static double firstCumulant(double lambda, double muJ, double sigmaJ, double timeYears) {
        return lambda * timeYears * (muJ - meanJumpSize(muJ, sigmaJ));
    }

    /** The jumps' share of c2: {@code lambda T E[J^2] = lambda T (muJ^2 + sigmaJ^2)}. */
    static double secondCumulant(double lambda, double muJ, double sigmaJ, double timeYears) {
        return lambda * timeYears * (muJ * muJ + sigmaJ * sigmaJ);
    }

    /**
     * The half-width of the truncation range with jumps: the larger of the cumulant rule and the reach of a single
     * jump, {@code |muJ| + (2 L / 3) sqrt(sigmaJ^2 + c2 of the continuous part)} (8 standard deviations at L = 12).
     * When jumps are rare (lambda T small) c2 and c4 shrink with lambda T while a jump still moves X by about
     * muJ +- sigmaJ, so the cumulant rule alone cuts off a tail of mass ~lambda T: 1e-7 F of error at one day
     * for lambda = 0.5, sigmaJ = 0.15.
     */
    static double truncationHalfWidth(Cumulants cumulants, double truncationMultiple, double lambda, double muJ,
            double sigmaJ, double continuousVariance) {
        double cumulantRule = cumulants.halfWidth(truncationMultiple);
        if (lambda == 0.0) {
            return cumulantRule;
        }
        double singleJump = Math.abs(muJ) + 2.0 * truncationMultiple / 3.0
                * Math.sqrt(sigmaJ * sigmaJ + continuousVariance);
        return Math.max(cumulantRule, singleJump);
    }

    /** The jumps' c4: {@code lambda T E[J^4] = lambda T (muJ^4 + 6 muJ^2 sigmaJ^2 + 3 sigmaJ^4)}. */
    static double fourthCumulant(double lambda, double muJ, double sigmaJ, double timeYears) {
        double m2 = muJ * muJ;
        double s2 = sigmaJ * sigmaJ;
        return lambda * timeYears * (m2 * m2 + 6.0 * m2 * s2 + 3.0 * s2 * s2);
    }
}
