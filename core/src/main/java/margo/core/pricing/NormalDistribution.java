package margo.core.pricing;

/**
 * The standard normal distribution to the accuracy the implied-volatility inversion needs: relative accuracy of the
 * lower tail down to the smallest normal doubles, not just absolute accuracy near the centre.
 *
 * <p>The error functions are W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev approximations for
 * the error function", Math. Comp. 23 (1969) 631-638; netlib specfun CALERF, March 1990), the same ones P. Jaeckel
 * ships with "Let's be rational" (Wilmott 2015). The inverse is Wichura's algorithm AS241 (Appl. Statist. 37 (1988)
 * 477-484), accurate to about 1e-16.
 */
final class NormalDistribution {

    static final double ONE_OVER_SQRT_TWO = 0.7071067811865475244008443621048490392848359376887;
    static final double ONE_OVER_SQRT_TWO_PI = 0.3989422804014326779399460599343818684758586311649;
    static final double SQRT_TWO_PI = 2.506628274631000502415765284811045253006986740610;

    private NormalDistribution() {
    }

    /** The density phi(z) = exp(-z^2/2)/sqrt(2 pi). */
    static double pdf(double z) {
        return ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * z * z);
    }

    // Below z = -10 the asymptotic series Phi(z) = phi(z)/|z| * (1 - 1/z^2 + 3/z^4 - ...) (Abramowitz & Stegun
    // 26.2.12) reaches full relative precision within about nine terms (Jaeckel, "Let's be rational", section 2).
    private static final double ASYMPTOTIC_FIRST_THRESHOLD = -10.0;
    private static final double ASYMPTOTIC_SECOND_THRESHOLD = -1.0 / Math.sqrt(Math.ulp(1.0));

    /** The cumulative distribution Phi(z), with full relative accuracy in the lower tail. */
    static double cdf(double z) {
        if (z <= ASYMPTOTIC_FIRST_THRESHOLD) {
            double sum = 1.0;
            if (z >= ASYMPTOTIC_SECOND_THRESHOLD) {
                double zSquared = z * z;
                double i = 1.0;
                double g = 1.0;
                double term = Double.MAX_VALUE;
                double lastTerm;
                do {
                    lastTerm = term;
                    double x = (4.0 * i - 3.0) / zSquared;
                    double y = x * ((4.0 * i - 1.0) / zSquared);
                    term = g * (x - y);
                    sum -= term;
                    g *= y;
                    ++i;
                    term = Math.abs(term);
                } while (lastTerm > term && term >= Math.abs(sum * Math.ulp(1.0)));
            }
            return -pdf(z) * sum / z;
        }
        return 0.5 * erfc(-z * ONE_OVER_SQRT_TWO);
    }

    /** The complementary error function erfc(x) = 1 - erf(x) (Cody). */
    static double erfc(double x) {
        return cody(x, false);
    }

    /** The scaled complementary error function erfcx(x) = exp(x^2) erfc(x) (Cody); finite for large positive x. */
    static double erfcx(double x) {
        return cody(x, true);
    }

    private static final double[] A = {3.1611237438705656, 113.864154151050156, 377.485237685302021,
            3209.37758913846947, 0.185777706184603153};
    private static final double[] B = {23.6012909523441209, 244.024637934444173, 1282.61652607737228,
            2844.23683343917062};
    private static final double[] C = {0.564188496988670089, 8.88314979438837594, 66.1191906371416295,
            298.635138197400131, 881.95222124176909, 1712.04761263407058, 2051.07837782607147,
            1230.33935479799725, 2.15311535474403846e-8};
    private static final double[] D = {15.7449261107098347, 117.693950891312499, 537.181101862009858,
            1621.38957456669019, 3290.79923573345963, 4362.61909014324716, 3439.36767414372164,
            1230.33935480374942};
    private static final double[] P = {0.305326634961232344, 0.360344899949804439, 0.125781726111229246,
            0.0160837851487422766, 6.58749161529837803e-4, 0.0163153871373020978};
    private static final double[] Q = {2.56852019228982242, 1.87295284992346047, 0.527905102951428412,
            0.0605183413124413191, 0.00233520497626869185};
    private static final double ONE_OVER_SQRT_PI = 0.56418958354775628695;
    // IEEE double machine constants from CALERF.
    private static final double X_NEG = -26.628;
    private static final double X_SMALL = 1.11e-16;
    private static final double X_BIG = 26.543;
    private static final double X_HUGE = 6.71e7;
    private static final double X_MAX = 2.53e307;

    /** Cody's CALERF for erfc (scaled = false) and erfcx (scaled = true). */
    private static double cody(double x, boolean scaled) {
        double y = Math.abs(x);
        double result;
        if (y <= 0.46875) {
            double ySquared = y > X_SMALL ? y * y : 0.0;
            double numerator = A[4] * ySquared;
            double denominator = ySquared;
            for (int i = 0; i < 3; i++) {
                numerator = (numerator + A[i]) * ySquared;
                denominator = (denominator + B[i]) * ySquared;
            }
            result = 1.0 - x * (numerator + A[3]) / (denominator + B[3]);
            return scaled ? Math.exp(ySquared) * result : result;
        }
        if (y <= 4.0) {
            double numerator = C[8] * y;
            double denominator = y;
            for (int i = 0; i < 7; i++) {
                numerator = (numerator + C[i]) * y;
                denominator = (denominator + D[i]) * y;
            }
            result = (numerator + C[7]) / (denominator + D[7]);
            if (!scaled) {
                result = expMinusSquare(y) * result;
            }
        } else {
            result = 0.0;
            boolean beyondRange = false;
            if (y >= X_BIG) {
                if (!scaled || y >= X_MAX) {
                    beyondRange = true;
                } else if (y >= X_HUGE) {
                    result = ONE_OVER_SQRT_PI / y;
                    beyondRange = true;
                }
            }
            if (!beyondRange) {
                double ySquared = 1.0 / (y * y);
                double numerator = P[5] * ySquared;
                double denominator = ySquared;
                for (int i = 0; i < 4; i++) {
                    numerator = (numerator + P[i]) * ySquared;
                    denominator = (denominator + Q[i]) * ySquared;
                }
                result = ySquared * (numerator + P[4]) / (denominator + Q[4]);
                result = (ONE_OVER_SQRT_PI - result) / y;
                if (!scaled) {
                    result = expMinusSquare(y) * result;
                }
            }
        }
        if (x < 0.0) {
            if (!scaled) {
                return 2.0 - result;
            }
            if (x < X_NEG) {
                return Double.MAX_VALUE;
            }
            double e = expPlusSquare(x);
            return e + e - result;
        }
        return result;
    }

    /** exp(-y^2) with y^2 split as in CALERF so that the rounding of y*y does not cost relative accuracy. */
    private static double expMinusSquare(double y) {
        double truncated = truncate(y * 16.0) / 16.0;
        double delta = (y - truncated) * (y + truncated);
        return Math.exp(-truncated * truncated) * Math.exp(-delta);
    }

    private static double expPlusSquare(double x) {
        double truncated = truncate(x * 16.0) / 16.0;
        double delta = (x - truncated) * (x + truncated);
        return Math.exp(truncated * truncated) * Math.exp(delta);
    }

    private static double truncate(double x) {
        return x > 0 ? Math.floor(x) : -Math.floor(-x);
    }

    // AS241 (PPND16) coefficients.
    private static final double SPLIT_1 = 0.425;
    private static final double SPLIT_2 = 5.0;
    private static final double CONST_1 = 0.180625;
    private static final double CONST_2 = 1.6;
    private static final double[] AS241_A = {3.3871328727963666080E0, 1.3314166789178437745E+2,
            1.9715909503065514427E+3, 1.3731693765509461125E+4, 4.5921953931549871457E+4, 6.7265770927008700853E+4,
            3.3430575583588128105E+4, 2.5090809287301226727E+3};
    private static final double[] AS241_B = {1.0, 4.2313330701600911252E+1, 6.8718700749205790830E+2,
            5.3941960214247511077E+3, 2.1213794301586595867E+4, 3.9307895800092710610E+4, 2.8729085735721942674E+4,
            5.2264952788528545610E+3};
    private static final double[] AS241_C = {1.42343711074968357734E0, 4.63033784615654529590E0,
            5.76949722146069140550E0, 3.64784832476320460504E0, 1.27045825245236838258E0, 2.41780725177450611770E-1,
            2.27238449892691845833E-2, 7.74545014278341407640E-4};
    private static final double[] AS241_D = {1.0, 2.05319162663775882187E0, 1.67638483018380384940E0,
            6.89767334985100004550E-1, 1.48103976427480074590E-1, 1.51986665636164571966E-2,
            5.47593808499534494600E-4, 1.05075007164441684324E-9};
    private static final double[] AS241_E = {6.65790464350110377720E0, 5.46378491116411436990E0,
            1.78482653991729133580E0, 2.96560571828504891230E-1, 2.65321895265761230930E-2, 1.24266094738807843860E-3,
            2.71155556874348757815E-5, 2.01033439929228813265E-7};
    private static final double[] AS241_F = {1.0, 5.99832206555887937690E-1, 1.36929880922735805310E-1,
            1.48753612908506148525E-2, 7.86869131145613259100E-4, 1.84631831751005468180E-5,
            1.42151175831644588870E-7, 2.04426310338993978564E-15};

    /** The quantile Phi^-1(u) for a probability u; -infinity at 0 and +infinity at 1 (Wichura AS241). */
    static double inverseCdf(double u) {
        if (u <= 0.0) {
            return Math.log(u);
        }
        if (u >= 1.0) {
            return Math.log(1.0 - u);
        }
        double q = u - 0.5;
        if (Math.abs(q) <= SPLIT_1) {
            double r = CONST_1 - q * q;
            return q * polynomial(AS241_A, r) / polynomial(AS241_B, r);
        }
        double r = Math.sqrt(-Math.log(q < 0.0 ? u : 1.0 - u));
        double value;
        if (r < SPLIT_2) {
            r -= CONST_2;
            value = polynomial(AS241_C, r) / polynomial(AS241_D, r);
        } else {
            r -= SPLIT_2;
            value = polynomial(AS241_E, r) / polynomial(AS241_F, r);
        }
        return q < 0.0 ? -value : value;
    }

    /** Horner evaluation of c[0] + c[1] r + ... + c[7] r^7. */
    private static double polynomial(double[] c, double r) {
        double sum = c[7];
        for (int i = 6; i >= 0; i--) {
            sum = sum * r + c[i];
        }
        return sum;
    }
}
