package margo.core.pricing;

import static margo.core.pricing.NormalDistribution.ONE_OVER_SQRT_TWO;
import static margo.core.pricing.NormalDistribution.ONE_OVER_SQRT_TWO_PI;
import static margo.core.pricing.NormalDistribution.SQRT_TWO_PI;
import static margo.core.pricing.NormalDistribution.erfc;
import static margo.core.pricing.NormalDistribution.erfcx;

/**
 * The normalised Black function of P. Jaeckel, "Let's be rational", Wilmott (2015) 40-53, section 2:
 * {@code b(x, s) = Black(F, K, sigma, T) / sqrt(F K)} with {@code x = ln(F/K)} and {@code s = sigma sqrt(T)}, so that
 * {@code b = Phi(x/s + s/2) e^(x/2) - Phi(x/s - s/2) e^(-x/2)} for a call.
 *
 * <p>Out of the money ({@code x < 0}) it is evaluated in one of four regions without subtracting two nearly equal
 * numbers (paper section 3): an asymptotic expansion in the far wing, a small-{@code t} expansion for tiny total
 * volatility, and otherwise Cody's {@code erfc}/{@code erfcx} combined so that neither term underflows. In the money
 * it is the normalised intrinsic value plus the out-of-the-money value (put-call symmetry {@code b(x) = i(x) + b(-x)}).
 * The result therefore has close to full relative precision even when the price is 1e-300 of the forward.
 */
final class NormalisedBlack {

    private static final double EPSILON = Math.ulp(1.0);
    private static final double FOURTH_ROOT_EPSILON = Math.sqrt(Math.sqrt(EPSILON));
    private static final double SIXTEENTH_ROOT_EPSILON = Math.sqrt(Math.sqrt(FOURTH_ROOT_EPSILON));
    static final double SQRT_MIN_NORMAL = Math.sqrt(Double.MIN_NORMAL);

    /** eta in the paper, section 3: h = x/s below this uses the asymptotic expansion (3.9). */
    private static final double ASYMPTOTIC_EXPANSION_ACCURACY_THRESHOLD = -10.0;
    /** tau in the paper, section 3: t = s/2 below this uses the small-t expansion (3.10). */
    private static final double SMALL_T_EXPANSION_THRESHOLD = 2.0 * SIXTEENTH_ROOT_EPSILON;
    /** Cody's switch point between his erfc and erfcx approximations. */
    private static final double CODY_THRESHOLD = 0.46875;

    private NormalisedBlack() {
    }

    /**
     * The log-moneyness x = ln(F/K). Near the money it is taken as log1p((F - K)/K), where F - K is exact, so that x
     * keeps full relative precision: the wing price depends on exp(-(x/s)^2/2), which multiplies the relative error
     * of x by (x/s)^2, and ln of the rounded ratio F/K would carry an absolute error of one ulp of 1.
     */
    static double logMoneyness(double forward, double strike) {
        double ratio = forward / strike;
        if (ratio > 0.5 && ratio < 2.0) {
            return Math.log1p((forward - strike) / strike);
        }
        return Math.log(ratio);
    }

    /**
     * The normalised intrinsic value {@code max(theta (e^(x/2) - e^(-x/2)), 0)}, i.e. intrinsic / sqrt(F K).
     *
     * @param theta +1 for a call, -1 for a put
     */
    static double intrinsic(double x, double theta) {
        if (theta * x <= 0.0) {
            return 0.0;
        }
        double xSquared = x * x;
        if (xSquared < 98.0 * FOURTH_ROOT_EPSILON) {
            // 2 sinh(x/2) by its Taylor series, avoiding cancellation for small |x|.
            return Math.abs(x * (1.0 + xSquared * (1.0 / 24.0 + xSquared * (1.0 / 1920.0
                    + xSquared * (1.0 / 322560.0 + xSquared / 92897280.0)))));
        }
        double bMax = Math.exp(0.5 * x);
        return Math.abs(bMax - 1.0 / bMax);
    }

    /** The normalised Black call b(x, s), s = sigma sqrt(T) >= 0. */
    static double call(double x, double s) {
        if (x > 0.0) {
            return intrinsic(x, 1.0) + call(-x, s);
        }
        if (s <= 0.0) {
            return intrinsic(x, 1.0);
        }
        if (x < s * ASYMPTOTIC_EXPANSION_ACCURACY_THRESHOLD
                && 0.5 * s * s + x < s * (SMALL_T_EXPANSION_THRESHOLD + ASYMPTOTIC_EXPANSION_ACCURACY_THRESHOLD)) {
            return asymptoticExpansion(x / s, 0.5 * s);
        }
        if (0.5 * s < SMALL_T_EXPANSION_THRESHOLD) {
            return smallTExpansion(x / s, 0.5 * s);
        }
        return withOptimalUseOfCodysFunctions(x, s);
    }

    /**
     * d b / d s = exp(-(h^2 + t^2)/2) / sqrt(2 pi) with h = x/s, t = s/2: vega of the normalised price per unit of
     * total volatility s. Black vega = sqrt(F K) sqrt(T) times this.
     */
    static double vega(double x, double s) {
        double ax = Math.abs(x);
        if (ax <= 0.0) {
            return ONE_OVER_SQRT_TWO_PI * Math.exp(-0.125 * s * s);
        }
        if (s <= 0.0 || s <= ax * SQRT_MIN_NORMAL) {
            return 0.0;
        }
        double h = x / s;
        double t = 0.5 * s;
        return ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * (h * h + t * t));
    }

    /** Paper section 3: b for h = x/s << 0 by the asymptotic expansion of erfcx, 17 terms. */
    private static double asymptoticExpansion(double h, double t) {
        double e = (t / h) * (t / h);
        double r = (h + t) * (h - t);
        double q = (h / r) * (h / r);
        double sum = (2.0+q*(-6.0E0-2.0*e+3.0*q*(1.0E1+e*(2.0E1+2.0*e)+5.0*q*(-1.4E1+e*(-7.0E1+e*(-4.2E1-2.0*e))+7.0*q
                *(1.8E1+e*(1.68E2+e*(2.52E2+e*(7.2E1+2.0*e)))+9.0*q*(-2.2E1+e*(-3.3E2+e*(-9.24E2+e*(-6.6E2+e*(-1.1E2
                -2.0*e))))+1.1E1*q*(2.6E1+e*(5.72E2+e*(2.574E3+e*(3.432E3+e*(1.43E3+e*(1.56E2+2.0*e)))))+1.3E1*q
                *(-3.0E1+e*(-9.1E2+e*(-6.006E3+e*(-1.287E4+e*(-1.001E4+e*(-2.73E3+e*(-2.1E2-2.0*e))))))+1.5E1*q*(3.4E1
                +e*(1.36E3+e*(1.2376E4+e*(3.8896E4+e*(4.862E4+e*(2.4752E4+e*(4.76E3+e*(2.72E2+2.0*e)))))))+1.7E1
                *q*(-3.8E1+e*(-1.938E3+e*(-2.3256E4+e*(-1.00776E5+e*(-1.84756E5+e*(-1.51164E5+e*(-5.4264E4+e*(-7.752E3
                +e*(-3.42E2-2.0*e))))))))+1.9E1*q*(4.2E1+e*(2.66E3+e*(4.0698E4+e*(2.3256E5+e*(5.8786E5+e*(7.05432E5
                +e*(4.0698E5+e*(1.08528E5+e*(1.197E4+e*(4.2E2+2.0*e)))))))))+2.1E1*q*(-4.6E1+e*(-3.542E3+e*(-6.7298E4
                +e*(-4.90314E5+e*(-1.63438E6+e*(-2.704156E6+e*(-2.288132E6+e*(-9.80628E5+e*(-2.01894E5+e*(-1.771E4
                +e*(-5.06E2-2.0*e))))))))))+2.3E1*q*(5.0E1+e*(4.6E3+e*(1.0626E5+e*(9.614E5+e*(4.08595E6+e*(8.9148E6
                +e*(1.04006E7+e*(6.53752E6+e*(2.16315E6+e*(3.542E5+e*(2.53E4+e*(6.0E2+2.0*e)))))))))))+2.5E1*q*(
                -5.4E1+e*(-5.85E3+e*(-1.6146E5+e*(-1.77606E6+e*(-9.37365E6+e*(-2.607579E7+e*(-4.01166E7+e*(-3.476772E7
                +e*(-1.687257E7+e*(-4.44015E6+e*(-5.9202E5+e*(-3.51E4+e*(-7.02E2-2.0*e))))))))))))+2.7E1*q*(5.8E1
                +e*(7.308E3+e*(2.3751E5+e*(3.12156E6+e*(2.003001E7+e*(6.919458E7+e*(1.3572783E8+e*(1.5511752E8+e
                *(1.0379187E8+e*(4.006002E7+e*(8.58429E6+e*(9.5004E5+e*(4.7502E4+e*(8.12E2+2.0*e)))))))))))))+2.9E1
                *q*(-6.2E1+e*(-8.99E3+e*(-3.39822E5+e*(-5.25915E6+e*(-4.032015E7+e*(-1.6934463E8+e*(-4.1250615E8
                +e*(-6.0108039E8+e*(-5.3036505E8+e*(-2.8224105E8+e*(-8.870433E7+e*(-1.577745E7+e*(-1.472562E6+e*(
                -6.293E4+e*(-9.3E2-2.0*e))))))))))))))+3.1E1*q*(6.6E1+e*(1.0912E4+e*(4.74672E5+e*(8.544096E6+e*(7.71342E7
                +e*(3.8707344E8+e*(1.14633288E9+e*(2.07431664E9+e*(2.33360622E9+e*(1.6376184E9+e*(7.0963464E8+e*(1.8512208E8
                +e*(2.7768312E7+e*(2.215136E6+e*(8.184E4+e*(1.056E3+2.0*e)))))))))))))))+3.3E1*(-7.0E1+e*(-1.309E4
                +e*(-6.49264E5+e*(-1.344904E7+e*(-1.4121492E8+e*(-8.344518E8+e*(-2.9526756E9+e*(-6.49588632E9+e*(
                -9.0751353E9+e*(-8.1198579E9+e*(-4.6399188E9+e*(-1.6689036E9+e*(-3.67158792E8+e*(-4.707164E7+e*(
                -3.24632E6+e*(-1.0472E5+e*(-1.19E3-2.0*e)))))))))))))))))*q)))))))))))))))));
        double b = ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * (h * h + t * t)) * (t / r) * sum;
        return Math.abs(Math.max(b, 0.0));
    }

    /** Paper section 3: b for small t = s/2 by a Taylor series in t, using a = 1 + h sqrt(pi/2) erfcx(-h/sqrt2). */
    private static double smallTExpansion(double h, double t) {
        double a = 1.0 + h * (0.5 * SQRT_TWO_PI) * erfcx(-ONE_OVER_SQRT_TWO * h);
        double w = t * t;
        double h2 = h * h;
        double expansion = 2.0 * t * (a + w * ((-1.0 + 3.0 * a + a * h2) / 6.0 + w * ((-7.0 + 15.0 * a + h2
                * (-1.0 + 10.0 * a + a * h2)) / 120.0 + w * ((-57.0 + 105.0 * a + h2 * (-18.0 + 105.0 * a + h2
                * (-1.0 + 21.0 * a + a * h2))) / 5040.0 + w * ((-561.0 + 945.0 * a + h2 * (-285.0 + 1260.0 * a + h2
                * (-33.0 + 378.0 * a + h2 * (-1.0 + 36.0 * a + a * h2)))) / 362880.0 + w * ((-6555.0 + 10395.0 * a
                + h2 * (-4680.0 + 17325.0 * a + h2 * (-840.0 + 6930.0 * a + h2 * (-52.0 + 990.0 * a + h2
                * (-1.0 + 55.0 * a + a * h2))))) / 39916800.0 + ((-89055.0 + 135135.0 * a + h2 * (-82845.0
                + 270270.0 * a + h2 * (-20370.0 + 135135.0 * a + h2 * (-1926.0 + 25740.0 * a + h2 * (-75.0
                + 2145.0 * a + h2 * (-1.0 + 78.0 * a + a * h2)))))) * w) / 6227020800.0))))));
        double b = ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * (h * h + t * t)) * expansion;
        return Math.abs(Math.max(b, 0.0));
    }

    /**
     * Paper section 3: 2b = e^(x/2) erfc(q1) - e^(-x/2) erfc(q2) with q1,2 = -(h +- t)/sqrt2, each term
     * taken from erfc or from exp(-(h^2+t^2)/2) erfcx, whichever of Cody's approximations is accurate there.
     */
    private static double withOptimalUseOfCodysFunctions(double x, double s) {
        double h = x / s;
        double t = 0.5 * s;
        double q1 = -ONE_OVER_SQRT_TWO * (h + t);
        double q2 = -ONE_OVER_SQRT_TWO * (h - t);
        double twoB;
        if (q1 < CODY_THRESHOLD) {
            if (q2 < CODY_THRESHOLD) {
                twoB = Math.exp(0.5 * x) * erfc(q1) - Math.exp(-0.5 * x) * erfc(q2);
            } else {
                twoB = Math.exp(0.5 * x) * erfc(q1) - Math.exp(-0.5 * (h * h + t * t)) * erfcx(q2);
            }
        } else {
            if (q2 < CODY_THRESHOLD) {
                twoB = Math.exp(-0.5 * (h * h + t * t)) * erfcx(q1) - Math.exp(-0.5 * x) * erfc(q2);
            } else {
                twoB = Math.exp(-0.5 * (h * h + t * t)) * (erfcx(q1) - erfcx(q2));
            }
        }
        return Math.abs(Math.max(0.5 * twoB, 0.0));
    }
}
