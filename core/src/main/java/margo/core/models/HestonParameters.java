package margo.core.models;

/**
 * Heston's (1993) stochastic-volatility model of the forward: {@code dF/F = sqrt(v) dW}, {@code dv = kappa (theta
 * - v) dt + xi sqrt(v) dZ}, {@code dW dZ = rho dt}, zero rates.
 *
 * <p>The characteristic function is evaluated in the "little Heston trap" form of H. Albrecher, P. Mayer,
 * W. Schoutens and J. Tistaert, "The little Heston trap", Wilmott Magazine (2007) 83-92, whose
 * principal-branch complex logarithm is continuous in u for all parameters. {@link #characteristicFunctionAndGradient}
 * evaluates the algebraically equivalent form of Y. Cui, S. del Baño Rollin and G. Germano, "Full and fast
 * calibration of the Heston stochastic volatility model", European Journal of Operational Research 263(2) (2017)
 * 625-638 (arXiv:1511.08718), and its analytic gradient.
 *
 * @param v0 the instantaneous variance today, annualised (0.36 is a 60% volatility), &gt; 0
 * @param kappa the speed of mean reversion of the variance, per year, &gt; 0
 * @param theta the long-run variance, annualised, &gt; 0
 * @param xi the volatility of variance ("vol of vol"), per square-root year, &gt; 0
 * @param rho the correlation between forward and variance shocks, in [-1, 1]
 */
public record HestonParameters(double v0, double kappa, double theta, double xi, double rho)
        implements CharacteristicFunctionModel {

    private static final String[] NAMES = {"v0", "kappa", "theta", "xi", "rho"};

    /** The number of parameters, the width of a Jacobian row of {@link CosPricer#priceAndGradientSlice}. */
    public static final int PARAMETER_COUNT = NAMES.length;

    public HestonParameters {
        requireValid(v0, kappa, theta, xi, rho);
    }

    /** The checks of the Heston parameters, shared with {@link BatesParameters}. */
    static void requireValid(double v0, double kappa, double theta, double xi, double rho) {
        ModelArguments.requirePositive("v0", v0);
        ModelArguments.requirePositive("kappa", kappa);
        ModelArguments.requirePositive("theta", theta);
        ModelArguments.requirePositive("xi", xi);
        ModelArguments.requireCorrelation("rho", rho);
    }

    /** From {@code {v0, kappa, theta, xi, rho}}. */
    public static HestonParameters of(double[] values) {
        ModelArguments.requireLength("heston", NAMES, values);
        return new HestonParameters(values[0], values[1], values[2], values[3], values[4]);
    }

    @Override
    public String modelName() {
        return "heston";
    }

    @Override
    public String[] parameterNames() {
        return NAMES.clone();
    }

    @Override
    public double[] parameters() {
        return new double[] {v0, kappa, theta, xi, rho};
    }

    @Override
    public HestonParameters withParameters(double[] values) {
        return of(values);
    }

    @Override
    public Complex characteristicFunction(double u, double timeYears) {
        return logCharacteristicFunction(v0, kappa, theta, xi, rho, u, timeYears).exp();
    }

    /**
     * {@code ln phi(u)} in the little-trap form of Albrecher et al. (2007):
     * {@code beta = kappa - rho xi i u}, {@code d = sqrt(beta^2 + xi^2 (u^2 + i u))},
     * {@code g = (beta - d) / (beta + d)},
     * {@code C = kappa theta / xi^2 ((beta - d) T - 2 ln((1 - g e^{-dT}) / (1 - g)))},
     * {@code D = (beta - d) / xi^2 (1 - e^{-dT}) / (1 - g e^{-dT})}, {@code ln phi = C + D v0}.
     *
     * <p>Evaluated without the cancellation in {@code beta - d} that would cost {@code eps / xi^2} of relative
     * accuracy as the vol of vol goes to 0: {@code beta - d = -xi^2 w / (beta + d)}, {@code w = u^2 + i u}, and
     * the logarithm as {@code log1p(-g e^{-dT}) - log1p(-g)} (both arguments have positive real part, since
     * {@code |g| <= 1}, so this is the same principal branch).
     */
    static Complex logCharacteristicFunction(double v0, double kappa, double theta, double xi, double rho, double u,
            double timeYears) {
        double xi2 = xi * xi;
        Complex w = new Complex(u * u, u);
        Complex beta = new Complex(kappa, -rho * xi * u);
        Complex d = beta.times(beta).plus(w.times(xi2)).sqrt();
        Complex betaPlusD = beta.plus(d);
        Complex betaMinusDOverXi2 = w.dividedBy(betaPlusD).negate();
        Complex g = betaMinusDOverXi2.dividedBy(betaPlusD).times(xi2);
        Complex e = d.times(-timeYears).exp();
        Complex ge = g.times(e);
        Complex logRatioOverXi2 = ge.negate().log1p().minus(g.negate().log1p()).times(1.0 / xi2);
        Complex c = betaMinusDOverXi2.times(timeYears).minus(logRatioOverXi2.times(2.0)).times(kappa * theta);
        Complex dTerm = betaMinusDOverXi2.times(Complex.ONE.minus(e)).dividedBy(Complex.ONE.minus(ge)).times(v0);
        return c.plus(dTerm);
    }

    /**
     * The cumulants of X: c1 in closed form (Fang and Oosterlee 2008, Table 11, with drift mu = 0), c2 in closed
     * form ({@link #secondCumulant}), c4 from the characteristic function ({@link Cumulants#fourthFromCharacteristicFunction}).
     */
    @Override
    public Cumulants cumulants(double timeYears) {
        double c2 = secondCumulant(v0, kappa, theta, xi, rho, timeYears);
        return new Cumulants(firstCumulant(v0, kappa, theta, timeYears), c2,
                Cumulants.fourthFromCharacteristicFunction(this, timeYears, c2));
    }

    /** Fang and Oosterlee (2008), Table 11: {@code c1 = (1 - e^{-kappa T}) (theta - v0) / (2 kappa) - theta T / 2}. */
    static double firstCumulant(double v0, double kappa, double theta, double timeYears) {
        return -Math.expm1(-kappa * timeYears) * (theta - v0) / (2.0 * kappa) - 0.5 * theta * timeYears;
    }

    /**
     * The variance of X. With the integrated variance {@code I = int_0^T v dt} and {@code M = int_0^T sqrt(v) dW},
     * {@code X = -I / 2 + M}, so {@code Var X = Var(I) / 4 + E[I] - Cov(I, M)} (Ito isometry gives
     * {@code Var M = E[I]}), where, with {@code E = e^{-kappa T}}:
     * <ul>
     *   <li>{@code E[I] = theta T + (v0 - theta) (1 - E) / kappa};</li>
     *   <li>{@code Cov(I, M) = rho xi (theta (T / kappa - (1 - E) / kappa^2)
     *       + (v0 - theta) (1 - E - kappa T E) / kappa^2)}, from {@code d E[v_t M_t] / dt = -kappa E[v_t M_t] +
     *       rho xi E[v_t]};</li>
     *   <li>{@code Var(I) = (2 / kappa) int_0^T Var(v_s) (1 - e^{-kappa (T - s)}) ds} with the CIR variance
     *       {@code Var(v_s) = v0 xi^2 / kappa (e^{-kappa s} - e^{-2 kappa s}) + theta xi^2 / (2 kappa)
     *       (1 - e^{-kappa s})^2}, integrated in closed form.</li>
     * </ul>
     * Margo derives c2 rather than use the Heston c2 of Fang and Oosterlee's Table 11 because the transcription of
     * that expression we checked did not match the variance of the characteristic function (7% low at T = 1 day for
     * the little-Heston-trap parameters); {@code HestonParametersTest} checks this one against the characteristic
     * function.
     */
    static double secondCumulant(double v0, double kappa, double theta, double xi, double rho, double timeYears) {
        double t = timeYears;
        double oneMinusE = -Math.expm1(-kappa * t);
        double e = 1.0 - oneMinusE;
        double j0 = t - oneMinusE / kappa;
        double j1 = oneMinusE / kappa - e * t;
        double j2 = oneMinusE * oneMinusE / (2.0 * kappa);
        double xi2 = xi * xi;
        double varianceOfIntegral = 2.0 / kappa
                * (v0 * xi2 / kappa * (j1 - j2) + theta * xi2 / (2.0 * kappa) * (j0 - 2.0 * j1 + j2));
        double meanOfIntegral = theta * t + (v0 - theta) * oneMinusE / kappa;
        double covariance = rho * xi * (theta * j0 / kappa + (v0 - theta) * (oneMinusE - kappa * t * e)
                / (kappa * kappa));
        return 0.25 * varianceOfIntegral + meanOfIntegral - covariance;
    }

    /**
     * The characteristic function and its gradient with respect to {@code (v0, kappa, theta, xi, rho)}, in the form
     * of Cui, del Baño Rollin and Germano (2017), with their gradient (the vector h(u) of {@code d ln phi / d p})
     * obtained by the chain rule through the two intermediates {@code beta = kappa - xi rho i u} (their xi) and
     * {@code d = sqrt(beta^2 + xi^2 (u^2 + i u))}. With {@code w = u^2 + i u}, scaled hyperbolic functions
     * {@code sh = (1 - e^{-dT}) / 2}, {@code ch = (1 + e^{-dT}) / 2} (sinh, cosh of dT/2 times e^{-dT/2}, so nothing
     * overflows at long expiries), {@code A = v0 w sh / (d ch + beta sh)} and
     * {@code D = ln d + (kappa - d) T / 2 - ln((d + beta) / 2 + (d - beta) / 2 e^{-dT})}:
     * {@code ln phi = -kappa theta rho T i u / xi - A + 2 kappa theta / xi^2 D}.
     *
     * @param gradientRe receives {@code Re d phi / d p} for the five parameters in order
     * @param gradientIm receives {@code Im d phi / d p}
     * @return phi(u)
     */
    @Override
    public Complex characteristicFunctionAndGradient(double u, double timeYears, double[] gradientRe,
            double[] gradientIm) {
        double t = timeYears;
        double xi2 = xi * xi;
        Complex iu = Complex.imaginary(u);
        Complex w = new Complex(u * u, u);
        Complex beta = new Complex(kappa, -xi * rho * u);
        Complex d = beta.times(beta).plus(w.times(xi2)).sqrt();
        Complex e = d.times(-t).exp();
        Complex sh = Complex.ONE.minus(e).times(0.5);
        Complex ch = Complex.ONE.plus(e).times(0.5);
        Complex q = d.times(ch).plus(beta.times(sh));
        Complex wShOverQ = w.times(sh).dividedBy(q);
        Complex a = wShOverQ.times(v0);
        Complex bigE = d.plus(beta).times(0.5).plus(d.minus(beta).times(e).times(0.5));
        Complex bigD = d.log().plus(new Complex(kappa, 0.0).minus(d).times(0.5 * t)).minus(bigE.log());
        Complex drift = iu.times(-kappa * theta * rho * t / xi);
        double jumpFactor = 2.0 * kappa * theta / xi2;
        Complex phi = drift.minus(a).plus(bigD.times(jumpFactor)).exp();

        // Partial derivatives of A and D with respect to the intermediates d and beta.
        Complex dQdd = ch.plus(d.times(sh).plus(beta.times(ch)).times(0.5 * t));
        Complex aByD = w.times(v0).times(ch.times(q).times(0.5 * t).minus(sh.times(dQdd))).dividedBy(q.times(q));
        Complex aByBeta = a.times(sh).dividedBy(q).negate();
        Complex dByD = d.reciprocal().minus(0.5 * t)
                .minus(ch.minus(d.minus(beta).times(e).times(0.5 * t)).dividedBy(bigE));
        Complex dByBeta = sh.dividedBy(bigE).negate();
        // Derivatives of the intermediates: beta_kappa = 1, beta_rho = -xi i u, beta_xi = -rho i u.
        Complex betaRho = iu.times(-xi);
        Complex betaXi = iu.times(-rho);
        Complex dKappa = beta.dividedBy(d);
        Complex dRho = beta.times(betaRho).dividedBy(d);
        Complex dXi = beta.times(betaXi).plus(w.times(xi)).dividedBy(d);

        Complex hV0 = wShOverQ.negate();
        Complex hTheta = iu.times(-kappa * rho * t / xi).plus(bigD.times(2.0 * kappa / xi2));
        Complex hKappa = iu.times(-theta * rho * t / xi)
                .minus(aByD.times(dKappa).plus(aByBeta))
                .plus(bigD.times(2.0 * theta / xi2))
                .plus(dByD.times(dKappa).plus(dByBeta).plus(0.5 * t).times(jumpFactor));
        Complex hRho = iu.times(-kappa * theta * t / xi)
                .minus(aByD.times(dRho).plus(aByBeta.times(betaRho)))
                .plus(dByD.times(dRho).plus(dByBeta.times(betaRho)).times(jumpFactor));
        Complex hXi = iu.times(kappa * theta * rho * t / xi2)
                .minus(aByD.times(dXi).plus(aByBeta.times(betaXi)))
                .minus(bigD.times(2.0 * jumpFactor / xi))
                .plus(dByD.times(dXi).plus(dByBeta.times(betaXi)).times(jumpFactor));
        store(phi.times(hV0), 0, gradientRe, gradientIm);
        store(phi.times(hKappa), 1, gradientRe, gradientIm);
        store(phi.times(hTheta), 2, gradientRe, gradientIm);
        store(phi.times(hXi), 3, gradientRe, gradientIm);
        store(phi.times(hRho), 4, gradientRe, gradientIm);
        return phi;
    }

    private static void store(Complex z, int index, double[] re, double[] im) {
        re[index] = z.re();
        im[index] = z.im();
    }
}
