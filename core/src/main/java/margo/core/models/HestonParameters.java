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
     *
     * <p>The arithmetic is written out on real and imaginary parts ({@code xRe}, {@code xIm} for a complex x), as
     * in {@link #characteristicFunctionAndGradient}, so that it allocates nothing: the first calibration of a run
     * executes this in the interpreter and in C1, which do not eliminate the short-lived {@link Complex} values
     * that C2 does.
     */
    static Complex logCharacteristicFunction(double v0, double kappa, double theta, double xi, double rho, double u,
            double timeYears) {
        double t = timeYears;
        double xi2 = xi * xi;
        double betaIm = -rho * xi * u;
        double dRe = principalSqrtRe(kappa, betaIm, u, xi2);
        double dIm = principalSqrtIm(kappa, betaIm, u, xi2, dRe);
        double betaPlusDRe = kappa + dRe;
        double betaPlusDIm = betaIm + dIm;
        // (beta - d) / xi^2 = -w / (beta + d), and g = (beta - d) / (beta + d).
        double bmdRe = -Complex.quotientRe(u * u, u, betaPlusDRe, betaPlusDIm);
        double bmdIm = -Complex.quotientIm(u * u, u, betaPlusDRe, betaPlusDIm);
        double gRe = Complex.quotientRe(bmdRe, bmdIm, betaPlusDRe, betaPlusDIm) * xi2;
        double gIm = Complex.quotientIm(bmdRe, bmdIm, betaPlusDRe, betaPlusDIm) * xi2;
        double eModulus = Math.exp(dRe * -t);
        double eRe = eModulus * Math.cos(dIm * -t);
        double eIm = eModulus * Math.sin(dIm * -t);
        double geRe = gRe * eRe - gIm * eIm;
        double geIm = gRe * eIm + gIm * eRe;
        // ln((1 - g e^{-dT}) / (1 - g)) / xi^2, as log1p(-g e^{-dT}) - log1p(-g).
        double logRatioRe = (Complex.log1pRe(-geRe, -geIm) - Complex.log1pRe(-gRe, -gIm)) * (1.0 / xi2);
        double logRatioIm = Complex.argumentDifference(1.0 - geRe, -geIm, 1.0 - gRe, -gIm) * (1.0 / xi2);
        double cRe = (bmdRe * t - logRatioRe * 2.0) * (kappa * theta);
        double cIm = (bmdIm * t - logRatioIm * 2.0) * (kappa * theta);
        // D v0 = (beta - d) / xi^2 (1 - e^{-dT}) / (1 - g e^{-dT}) v0.
        double nRe = bmdRe * (1.0 - eRe) + bmdIm * eIm;
        double nIm = bmdIm * (1.0 - eRe) - bmdRe * eIm;
        double dTermRe = Complex.quotientRe(nRe, nIm, 1.0 - geRe, -geIm) * v0;
        double dTermIm = Complex.quotientIm(nRe, nIm, 1.0 - geRe, -geIm) * v0;
        return new Complex(cRe + dTermRe, cIm + dTermIm);
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
        double halfT = 0.5 * t;
        double xi2 = xi * xi;
        double wRe = u * u;
        double wIm = u;
        double betaIm = -xi * rho * u;
        double dRe = principalSqrtRe(kappa, betaIm, u, xi2);
        double dIm = principalSqrtIm(kappa, betaIm, u, xi2, dRe);
        double eModulus = Math.exp(dRe * -t);
        double eRe = eModulus * Math.cos(dIm * -t);
        double eIm = eModulus * Math.sin(dIm * -t);
        double shRe = (1.0 - eRe) * 0.5;
        double shIm = -eIm * 0.5;
        double chRe = (1.0 + eRe) * 0.5;
        double chIm = eIm * 0.5;
        // q = d ch + beta sh, and A = v0 w sh / q.
        double qRe = dRe * chRe - dIm * chIm + (kappa * shRe - betaIm * shIm);
        double qIm = dRe * chIm + dIm * chRe + (kappa * shIm + betaIm * shRe);
        double wShRe = wRe * shRe - wIm * shIm;
        double wShIm = wRe * shIm + wIm * shRe;
        double wShOverQRe = Complex.quotientRe(wShRe, wShIm, qRe, qIm);
        double wShOverQIm = Complex.quotientIm(wShRe, wShIm, qRe, qIm);
        double aRe = wShOverQRe * v0;
        double aIm = wShOverQIm * v0;
        // E = (d + beta) / 2 + (d - beta) / 2 e^{-dT}, and D = ln d + (kappa - d) T / 2 - ln E.
        double dMinusBetaRe = dRe - kappa;
        double dMinusBetaIm = dIm - betaIm;
        double dMinusBetaERe = dMinusBetaRe * eRe - dMinusBetaIm * eIm;
        double dMinusBetaEIm = dMinusBetaRe * eIm + dMinusBetaIm * eRe;
        double bigERe = (dRe + kappa) * 0.5 + dMinusBetaERe * 0.5;
        double bigEIm = (dIm + betaIm) * 0.5 + dMinusBetaEIm * 0.5;
        double bigDRe = Math.log(Complex.modulus(dRe, dIm)) + (kappa - dRe) * halfT
                - Math.log(Complex.modulus(bigERe, bigEIm));
        double bigDIm = Complex.argumentDifference(dRe, dIm, bigERe, bigEIm) - dIm * halfT;
        double driftIm = u * (-kappa * theta * rho * t / xi);
        double jumpFactor = 2.0 * kappa * theta / xi2;
        double phiModulus = Math.exp(-aRe + bigDRe * jumpFactor);
        double phiArgument = driftIm - aIm + bigDIm * jumpFactor;
        double phiRe = phiModulus * Math.cos(phiArgument);
        double phiIm = phiModulus * Math.sin(phiArgument);

        // Partial derivatives of A and D with respect to the intermediates d and beta.
        double dQddRe = chRe + (dRe * shRe - dIm * shIm + (kappa * chRe - betaIm * chIm)) * halfT;
        double dQddIm = chIm + (dRe * shIm + dIm * shRe + (kappa * chIm + betaIm * chRe)) * halfT;
        double chQRe = (chRe * qRe - chIm * qIm) * halfT;
        double chQIm = (chRe * qIm + chIm * qRe) * halfT;
        double bracketRe = chQRe - (shRe * dQddRe - shIm * dQddIm);
        double bracketIm = chQIm - (shRe * dQddIm + shIm * dQddRe);
        double numeratorRe = wRe * v0 * bracketRe - wIm * v0 * bracketIm;
        double numeratorIm = wRe * v0 * bracketIm + wIm * v0 * bracketRe;
        double qSquaredRe = qRe * qRe - qIm * qIm;
        double qSquaredIm = qRe * qIm + qIm * qRe;
        double aByDRe = Complex.quotientRe(numeratorRe, numeratorIm, qSquaredRe, qSquaredIm);
        double aByDIm = Complex.quotientIm(numeratorRe, numeratorIm, qSquaredRe, qSquaredIm);
        double aShRe = aRe * shRe - aIm * shIm;
        double aShIm = aRe * shIm + aIm * shRe;
        double aByBetaRe = -Complex.quotientRe(aShRe, aShIm, qRe, qIm);
        double aByBetaIm = -Complex.quotientIm(aShRe, aShIm, qRe, qIm);
        double dEBracketRe = chRe - dMinusBetaERe * halfT;
        double dEBracketIm = chIm - dMinusBetaEIm * halfT;
        double dByDRe = Complex.quotientRe(1.0, 0.0, dRe, dIm) - halfT - Complex.quotientRe(dEBracketRe, dEBracketIm, bigERe, bigEIm);
        double dByDIm = Complex.quotientIm(1.0, 0.0, dRe, dIm) - Complex.quotientIm(dEBracketRe, dEBracketIm, bigERe, bigEIm);
        double dByBetaRe = -Complex.quotientRe(shRe, shIm, bigERe, bigEIm);
        double dByBetaIm = -Complex.quotientIm(shRe, shIm, bigERe, bigEIm);
        // Derivatives of the intermediates: beta_kappa = 1, beta_rho = -xi i u, beta_xi = -rho i u (imaginary), and
        // d_p = beta beta_p / d, plus xi w / d for xi.
        double betaRhoIm = -xi * u;
        double betaXiIm = -rho * u;
        double dKappaRe = Complex.quotientRe(kappa, betaIm, dRe, dIm);
        double dKappaIm = Complex.quotientIm(kappa, betaIm, dRe, dIm);
        double dRhoRe = Complex.quotientRe(-betaIm * betaRhoIm, kappa * betaRhoIm, dRe, dIm);
        double dRhoIm = Complex.quotientIm(-betaIm * betaRhoIm, kappa * betaRhoIm, dRe, dIm);
        double dXiNumeratorRe = -betaIm * betaXiIm + wRe * xi;
        double dXiNumeratorIm = kappa * betaXiIm + wIm * xi;
        double dXiRe = Complex.quotientRe(dXiNumeratorRe, dXiNumeratorIm, dRe, dIm);
        double dXiIm = Complex.quotientIm(dXiNumeratorRe, dXiNumeratorIm, dRe, dIm);

        // h_p = d ln phi / d p.
        double hV0Re = -wShOverQRe;
        double hV0Im = -wShOverQIm;
        double hThetaRe = bigDRe * (2.0 * kappa / xi2);
        double hThetaIm = u * (-kappa * rho * t / xi) + bigDIm * (2.0 * kappa / xi2);
        double hKappaRe = -(aByDRe * dKappaRe - aByDIm * dKappaIm + aByBetaRe) + bigDRe * (2.0 * theta / xi2)
                + (dByDRe * dKappaRe - dByDIm * dKappaIm + dByBetaRe + halfT) * jumpFactor;
        double hKappaIm = u * (-theta * rho * t / xi) - (aByDRe * dKappaIm + aByDIm * dKappaRe + aByBetaIm)
                + bigDIm * (2.0 * theta / xi2) + (dByDRe * dKappaIm + dByDIm * dKappaRe + dByBetaIm) * jumpFactor;
        double hRhoRe = -(aByDRe * dRhoRe - aByDIm * dRhoIm - aByBetaIm * betaRhoIm)
                + (dByDRe * dRhoRe - dByDIm * dRhoIm - dByBetaIm * betaRhoIm) * jumpFactor;
        double hRhoIm = u * (-kappa * theta * t / xi) - (aByDRe * dRhoIm + aByDIm * dRhoRe + aByBetaRe * betaRhoIm)
                + (dByDRe * dRhoIm + dByDIm * dRhoRe + dByBetaRe * betaRhoIm) * jumpFactor;
        double hXiRe = -(aByDRe * dXiRe - aByDIm * dXiIm - aByBetaIm * betaXiIm) - bigDRe * (2.0 * jumpFactor / xi)
                + (dByDRe * dXiRe - dByDIm * dXiIm - dByBetaIm * betaXiIm) * jumpFactor;
        double hXiIm = u * (kappa * theta * rho * t / xi2) - (aByDRe * dXiIm + aByDIm * dXiRe + aByBetaRe * betaXiIm)
                - bigDIm * (2.0 * jumpFactor / xi) + (dByDRe * dXiIm + dByDIm * dXiRe + dByBetaRe * betaXiIm)
                * jumpFactor;
        // d phi / d p = phi h_p.
        storeProduct(phiRe, phiIm, hV0Re, hV0Im, 0, gradientRe, gradientIm);
        storeProduct(phiRe, phiIm, hKappaRe, hKappaIm, 1, gradientRe, gradientIm);
        storeProduct(phiRe, phiIm, hThetaRe, hThetaIm, 2, gradientRe, gradientIm);
        storeProduct(phiRe, phiIm, hXiRe, hXiIm, 3, gradientRe, gradientIm);
        storeProduct(phiRe, phiIm, hRhoRe, hRhoIm, 4, gradientRe, gradientIm);
        return new Complex(phiRe, phiIm);
    }

    private static void storeProduct(double aRe, double aIm, double bRe, double bIm, int index, double[] re,
            double[] im) {
        re[index] = aRe * bRe - aIm * bIm;
        im[index] = aRe * bIm + aIm * bRe;
    }

    /**
     * The real part of {@code d = sqrt(beta^2 + xi^2 (u^2 + i u))}, {@code beta = kappa + i betaIm}, on the principal
     * branch as {@link Complex#sqrt}. The radicand z has the real part {@code kappa^2 + xi^2 u^2 (1 - rho^2)}, positive
     * (rounding can take it a few ulps below 0 only when |z| is far larger), so {@code Re d = sqrt((Re z + |z|) / 2)}
     * and {@code Im d = Im z / (2 Re d)}.
     */
    private static double principalSqrtRe(double kappa, double betaIm, double u, double xi2) {
        double re = kappa * kappa - betaIm * betaIm + u * u * xi2;
        double im = kappa * betaIm + betaIm * kappa + u * xi2;
        return Math.sqrt(0.5 * (re + Complex.modulus(re, im)));
    }

    /** The imaginary part of d, given its real part from {@link #principalSqrtRe}. */
    private static double principalSqrtIm(double kappa, double betaIm, double u, double xi2, double dRe) {
        return (kappa * betaIm + betaIm * kappa + u * xi2) / (2.0 * dRe);
    }
}
