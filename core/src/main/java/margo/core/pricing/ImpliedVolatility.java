package margo.core.pricing;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Black-76 implied volatility by P. Jaeckel, "Let's be rational", Wilmott (2015) 40-53: the price is normalised to
 * {@code beta = price / sqrt(F K)} out of the money, a four-branch rational initial guess is built on the normalised
 * Black function (section 4), and two Householder steps of order three (section 5) reach full double precision
 * wherever the volatility is identifiable from the price.
 *
 * <p>This is a Java implementation of the algorithm in the paper; the constants and branch thresholds follow
 * Jaeckel's reference code (www.jaeckel.org/LetsBeRational.7z, 2013 version, and its ports in
 * vollib/py_lets_be_rational).
 *
 * <p>Arguments, as in {@link Black76}: the undiscounted option price in the currency of the forward (USD for BTC
 * options), the forward F &gt; 0 and strike K &gt; 0 in that currency, and the time to expiry T &gt; 0 in years.
 * The result is the annualised Black volatility as a decimal. It is NaN, never an exception, when the volatility is
 * not defined; {@link #whyUndefined} says why. A price exactly at intrinsic value gives 0.
 *
 * <p>Identifiability: in the lower wing the inversion works on {@code ln(beta)}, so any price that is a normal double
 * (about 1e-300 of the forward) inverts to full relative precision. The attainable accuracy is otherwise the
 * conditioning of the problem: an error of one unit in the last place of the price moves the volatility by
 * {@code ulp(price) / vega}; this dominates deep in the money (where the price is mostly intrinsic value) and close
 * to the upper bound (huge total volatility).
 */
public final class ImpliedVolatility {

    /** Why an implied volatility is not defined, with a message a quant can act on. */
    public enum Undefined {
        /** An argument is NaN or infinite. */
        NOT_A_NUMBER("an argument is NaN or infinite"),
        /** The forward or the strike is zero or negative, so ln(F/K) is undefined. */
        NON_POSITIVE_FORWARD_OR_STRIKE("the forward and the strike must be positive"),
        /** The option has expired (or the time is negative); the price carries no volatility. */
        NON_POSITIVE_TIME("the time to expiry must be positive"),
        /** The price is below intrinsic value max(theta (F - K), 0): an arbitrage no volatility reproduces. */
        PRICE_BELOW_INTRINSIC("the price is below intrinsic value"),
        /** The price reaches the Black price at infinite volatility: F for a call, K for a put. */
        PRICE_AT_OR_ABOVE_UPPER_BOUND("the price is at or above the upper bound (F for a call, K for a put)"),
        /**
         * The price is within rounding of a bound, so no volatility is identifiable in double precision
         * (for example an in-the-money price whose time value is lost below the last digit of the intrinsic value).
         */
        NOT_IDENTIFIABLE("the price is within double-precision rounding of a bound");

        private final String description;

        Undefined(String description) {
            this.description = description;
        }

        /** The general reason, without the numbers. */
        public String description() {
            return description;
        }

        /** The reason with the numbers of this case, e.g. "call price 0.0123 is below intrinsic value 0.015". */
        public String explain(OptionType type, double price, double forward, double strike, double timeYears) {
            return switch (this) {
                case NOT_A_NUMBER -> "an argument is not a finite number: price " + number(price) + ", forward "
                        + number(forward) + ", strike " + number(strike) + ", time " + number(timeYears) + " years";
                case NON_POSITIVE_FORWARD_OR_STRIKE -> "forward " + number(forward) + " and strike " + number(strike)
                        + " must both be positive";
                case NON_POSITIVE_TIME -> "time to expiry " + number(timeYears) + " years must be positive";
                case PRICE_BELOW_INTRINSIC -> type.label() + " price " + number(price) + " is below intrinsic value "
                        + number(intrinsicValue(type, forward, strike)) + " (forward " + number(forward) + ", strike "
                        + number(strike) + ")";
                case PRICE_AT_OR_ABOVE_UPPER_BOUND -> type.label() + " price " + number(price)
                        + " is at or above its upper bound " + number(upperBound(type, forward, strike)) + " (the "
                        + (type == OptionType.CALL ? "forward" : "strike") + ")";
                case NOT_IDENTIFIABLE -> type.label() + " price " + number(price) + " is within rounding of intrinsic "
                        + "value " + number(intrinsicValue(type, forward, strike)) + " or upper bound "
                        + number(upperBound(type, forward, strike)) + "; no volatility is identifiable in double "
                        + "precision";
            };
        }

        /** Twelve significant digits, plain notation where short: 0.015 rather than 0.014999999999999902. */
        private static String number(double value) {
            if (!Double.isFinite(value)) {
                return String.valueOf(value);
            }
            if (value == 0.0) {
                return "0";
            }
            BigDecimal rounded = new BigDecimal(value).round(new MathContext(12)).stripTrailingZeros();
            return Math.abs(rounded.scale()) > 20 ? rounded.toString() : rounded.toPlainString();
        }
    }

    private static final double EPSILON = Math.ulp(1.0);
    /** Two Householder(3) iterations suffice for full precision (paper, section 5). */
    private static final int MAXIMUM_ITERATIONS = 2;

    private ImpliedVolatility() {
    }

    /**
     * The Black-76 implied volatility, annualised, as a decimal, of an undiscounted option price in the currency of
     * the forward; NaN when it is not defined (see {@link #whyUndefined}).
     */
    public static double impliedVolatility(OptionType type, double price, double forward, double strike,
            double timeYears) {
        if (precheck(type, price, forward, strike, timeYears) != null) {
            return Double.NaN;
        }
        double theta = type.sign();
        double x = NormalisedBlack.logMoneyness(forward, strike);
        double otmPrice = price;
        if (theta * x > 0.0) {
            // In the money: the time value is the price of the out-of-the-money option of the other type.
            otmPrice = Math.abs(Math.max(price - intrinsicValue(type, forward, strike), 0.0));
        }
        double beta = otmPrice / (Math.sqrt(forward) * Math.sqrt(strike));
        // Both cases are now an out-of-the-money call with log-moneyness -|x| (reciprocal-strike symmetry).
        double totalVolatility = totalVolatilityOfOutOfTheMoneyCall(beta, -Math.abs(x));
        return totalVolatility / Math.sqrt(timeYears);
    }

    /**
     * The implied volatility of a coin-settled option from its premium in coin per 1 coin of notional (the Deribit
     * BTC quote): the implied volatility of {@code coinPrice * forward}.
     */
    public static double impliedVolatilityFromCoinPrice(OptionType type, double coinPrice, double forward,
            double strike, double timeYears) {
        return impliedVolatility(type, coinPrice * forward, forward, strike, timeYears);
    }

    /**
     * Why {@link #impliedVolatilityFromCoinPrice} is NaN, or null when it is defined: {@link #whyUndefined} of the
     * USD price {@code coinPrice * forward} (so {@link Undefined#explain} should be given that USD price too).
     */
    public static Undefined whyUndefinedFromCoinPrice(OptionType type, double coinPrice, double forward,
            double strike, double timeYears) {
        return whyUndefined(type, coinPrice * forward, forward, strike, timeYears);
    }

    /**
     * Implied volatilities of a chain into {@code out}, element by element as {@link #impliedVolatility}, without
     * allocating. All arrays must have the same length.
     *
     * @throws IllegalArgumentException naming the array whose length differs from {@code types}
     */
    public static void impliedVolatilities(OptionType[] types, double[] prices, double[] forwards, double[] strikes,
            double[] timesYears, double[] out) {
        int n = types.length;
        requireLength("prices", prices, n);
        requireLength("forwards", forwards, n);
        requireLength("strikes", strikes, n);
        requireLength("timesYears", timesYears, n);
        requireLength("out", out, n);
        for (int i = 0; i < n; i++) {
            out[i] = impliedVolatility(types[i], prices[i], forwards[i], strikes[i], timesYears[i]);
        }
    }

    /**
     * Why {@link #impliedVolatility} is NaN for these arguments, or null when the implied volatility is defined.
     * Use {@link Undefined#explain} for a message with the numbers.
     */
    public static Undefined whyUndefined(OptionType type, double price, double forward, double strike,
            double timeYears) {
        Undefined reason = precheck(type, price, forward, strike, timeYears);
        if (reason != null) {
            return reason;
        }
        return Double.isNaN(impliedVolatility(type, price, forward, strike, timeYears))
                ? Undefined.NOT_IDENTIFIABLE : null;
    }

    private static Undefined precheck(OptionType type, double price, double forward, double strike,
            double timeYears) {
        if (!Double.isFinite(price) || !Double.isFinite(forward) || !Double.isFinite(strike)
                || !Double.isFinite(timeYears)) {
            return Undefined.NOT_A_NUMBER;
        }
        if (forward <= 0.0 || strike <= 0.0) {
            return Undefined.NON_POSITIVE_FORWARD_OR_STRIKE;
        }
        if (timeYears <= 0.0) {
            return Undefined.NON_POSITIVE_TIME;
        }
        if (price < intrinsicValue(type, forward, strike)) {
            return Undefined.PRICE_BELOW_INTRINSIC;
        }
        if (price >= upperBound(type, forward, strike)) {
            return Undefined.PRICE_AT_OR_ABOVE_UPPER_BOUND;
        }
        return null;
    }

    private static double intrinsicValue(OptionType type, double forward, double strike) {
        return Math.max(type.sign() * (forward - strike), 0.0);
    }

    /** The Black price as volatility tends to infinity: the forward for a call, the strike for a put. */
    private static double upperBound(OptionType type, double forward, double strike) {
        return type == OptionType.CALL ? forward : strike;
    }

    private static void requireLength(String name, double[] array, int expected) {
        if (array.length != expected) {
            throw new IllegalArgumentException(name + " has " + array.length + " elements but types has " + expected);
        }
    }

    // --- The algorithm of "Let's be rational" on the normalised price of an out-of-the-money call ---------------

    /** Objective functions of the Householder iteration, paper section 5. */
    private static final int OBJECTIVE_LOWER = 0;   // ln(1/b) - ln(1/beta), paper section 5, lowest branch
    private static final int OBJECTIVE_MIDDLE = 1;  // b - beta, the two middle branches
    private static final int OBJECTIVE_UPPER = 2;   // ln((bMax - beta)/(bMax - b)), paper section 5, highest branch

    /**
     * The total implied volatility s = sigma sqrt(T) of an out-of-the-money call (x &lt;= 0) with normalised price
     * {@code 0 <= beta}; NaN if {@code beta >= bMax = e^(x/2)} after rounding.
     */
    static double totalVolatilityOfOutOfTheMoneyCall(double beta, double x) {
        if (beta <= 0.0) {
            return 0.0;
        }
        double bMax = Math.exp(0.5 * x);
        if (beta >= bMax) {
            return Double.NaN;
        }
        // The point of inflexion of b(s) and the tangents through it split the price range in four (section 4).
        double sC = Math.sqrt(Math.abs(2.0 * x));
        double bC = NormalisedBlack.call(x, sC);
        double vC = NormalisedBlack.vega(x, sC);
        if (beta < bC) {
            double sL = sC - bC / vC;
            double bL = NormalisedBlack.call(x, sL);
            if (beta < bL) {
                // Lowest branch: interpolate the lower map f = 2 pi |x| / sqrt(27) Phi(-|x|/(sqrt3 s))^3, which is
                // close to beta there, between (0, 0) with slope 1 and (bL, fL) matching f' and f'' (paper section 4).
                double ax = Math.abs(x);
                double z = ONE_OVER_SQRT_THREE * ax / sL;
                double y = z * z;
                double s2 = sL * sL;
                double phi = NormalDistribution.cdf(-z);
                double phiSquared = phi * phi;
                double fL = TWO_PI_OVER_SQRT_TWENTY_SEVEN * ax * (phiSquared * phi);
                double fpL = TWO_PI * y * phiSquared * Math.exp(y + 0.125 * s2);
                double fppL = PI_OVER_SIX * y / (s2 * sL) * phi * (8.0 * SQRT_THREE * sL * ax
                        + (3.0 * s2 * (s2 - 8.0) - 8.0 * x * x) * phi / NormalDistribution.pdf(z))
                        * Math.exp(2.0 * y + 0.25 * s2);
                double rLL = RationalCubic.convexControlParameterFittingRight(0.0, bL, 0.0, fL, 1.0, fpL, fppL, true);
                double f = RationalCubic.interpolate(beta, 0.0, bL, 0.0, fL, 1.0, fpL, rLL);
                if (!(f > 0.0)) {
                    // Round-off for extreme |x|: quadratic through f(0) = 0, f'(0) = 1 and f(bL).
                    double t = beta / bL;
                    f = (fL * t + bL * (1.0 - t)) * t;
                }
                double s = inverseLowerMap(x, f);
                return householder(OBJECTIVE_LOWER, beta, x, bMax, s, Double.MIN_NORMAL, sL);
            }
            double vL = NormalisedBlack.vega(x, sL);
            double rLM = RationalCubic.convexControlParameterFittingRight(bL, bC, sL, sC, 1.0 / vL, 1.0 / vC, 0.0,
                    false);
            double s = RationalCubic.interpolate(beta, bL, bC, sL, sC, 1.0 / vL, 1.0 / vC, rLM);
            return householder(OBJECTIVE_MIDDLE, beta, x, bMax, s, sL, sC);
        }
        double sH = vC > Double.MIN_NORMAL ? sC + (bMax - bC) / vC : sC;
        double bH = NormalisedBlack.call(x, sH);
        if (beta <= bH) {
            double vH = NormalisedBlack.vega(x, sH);
            double rHM = RationalCubic.convexControlParameterFittingLeft(bC, bH, sC, sH, 1.0 / vC, 1.0 / vH, 0.0,
                    false);
            double s = RationalCubic.interpolate(beta, bC, bH, sC, sH, 1.0 / vC, 1.0 / vH, rHM);
            return householder(OBJECTIVE_MIDDLE, beta, x, bMax, s, sC, sH);
        }
        // Highest branch: interpolate the upper map f = Phi(-s/2) between (bH, fH) matching f' and f'' and
        // (bMax, 0) with slope -1/2 (paper section 4).
        double w = (x / sH) * (x / sH);
        double fH = NormalDistribution.cdf(-0.5 * sH);
        double fpH = -0.5 * Math.exp(0.5 * w);
        double fppH = SQRT_PI_OVER_TWO * Math.exp(w + 0.125 * sH * sH) * w / sH;
        double f = -Double.MAX_VALUE;
        if (fppH > -Math.sqrt(Double.MAX_VALUE) && fppH < Math.sqrt(Double.MAX_VALUE)) {
            double rHH = RationalCubic.convexControlParameterFittingLeft(bH, bMax, fH, 0.0, fpH, -0.5, fppH, true);
            f = RationalCubic.interpolate(beta, bH, bMax, fH, 0.0, fpH, -0.5, rHH);
        }
        if (f <= 0.0) {
            // Quadratic through f(bH), f(bMax) = 0 and f'(bMax) = -1/2.
            double h = bMax - bH;
            double t = (beta - bH) / h;
            f = (fH * (1.0 - t) + 0.5 * h * t) * (1.0 - t);
        }
        double s = -2.0 * NormalDistribution.inverseCdf(f);
        // Near bMax the objective in ln(bMax - b) is the well-conditioned one; below bMax/2 plain b - beta is.
        int objective = beta > 0.5 * bMax ? OBJECTIVE_UPPER : OBJECTIVE_MIDDLE;
        return householder(objective, beta, x, bMax, s, sH, Double.MAX_VALUE);
    }

    /**
     * At most {@link #MAXIMUM_ITERATIONS} Householder(3) steps on the chosen objective from the guess {@code s},
     * inside the bracket [sLeft, sRight]; bisection if a step leaves the bracket or the objective underflows.
     * The step sizes and the derivatives of the objectives are those of the paper's section 5.
     */
    private static double householder(int objective, double beta, double x, double bMax, double s, double sLeft,
            double sRight) {
        double ds = Double.MAX_VALUE;
        double previousDs = 0.0;
        int directionReversals = 0;
        for (int iteration = 0; iteration < MAXIMUM_ITERATIONS && Math.abs(ds) > EPSILON * s; ++iteration) {
            if (ds * previousDs < 0.0) {
                ++directionReversals;
            }
            if (iteration > 0 && (directionReversals == 3 || !(s > sLeft && s < sRight))) {
                s = 0.5 * (sLeft + sRight);
                if (sRight - sLeft <= EPSILON * s) {
                    break;
                }
                directionReversals = 0;
                ds = 0.0;
            }
            previousDs = ds;
            double b = NormalisedBlack.call(x, s);
            double bp = NormalisedBlack.vega(x, s);
            if (b > beta && s < sRight) {
                sRight = s;
            } else if (b < beta && s > sLeft) {
                sLeft = s;
            }
            double h = x / s;
            // b''/b' and (b'''/b') of the normalised Black function in s, paper section 5.
            double bHalley = h * h / s - s / 4.0;
            double bHouseholder3 = bHalley * bHalley - 3.0 * (h / s) * (h / s) - 0.25;
            if (objective == OBJECTIVE_LOWER) {
                if (b <= 0.0 || bp <= 0.0) {
                    ds = 0.5 * (sLeft + sRight) - s;
                } else {
                    double lnB = Math.log(b);
                    double lnBeta = Math.log(beta);
                    double bpOverB = bp / b;
                    double newton = (lnBeta - lnB) * lnB / lnBeta / bpOverB;
                    double halley = bHalley - bpOverB * (1.0 + 2.0 / lnB);
                    double householder3 = bHouseholder3 + 2.0 * bpOverB * bpOverB * (1.0 + 3.0 / lnB * (1.0 + 1.0 / lnB))
                            - 3.0 * bHalley * bpOverB * (1.0 + 2.0 / lnB);
                    ds = newton * householderFactor(newton, halley, householder3);
                }
            } else if (objective == OBJECTIVE_UPPER) {
                if (b >= bMax || bp <= Double.MIN_NORMAL) {
                    ds = 0.5 * (sLeft + sRight) - s;
                } else {
                    double bMaxMinusB = bMax - b;
                    double g = Math.log((bMax - beta) / bMaxMinusB);
                    double gp = bp / bMaxMinusB;
                    double newton = -g / gp;
                    double halley = bHalley + gp;
                    double householder3 = bHouseholder3 + gp * (2.0 * gp + 3.0 * bHalley);
                    ds = newton * householderFactor(newton, halley, householder3);
                }
            } else {
                double newton = (beta - b) / bp;
                ds = newton * householderFactor(newton, bHalley, bHouseholder3);
            }
            ds = Math.max(-0.5 * s, ds);
            s += ds;
        }
        return s;
    }

    /** The Householder method of order three as a factor on the Newton step, paper section 5. */
    private static double householderFactor(double newton, double halley, double householder3) {
        return (1.0 + 0.5 * halley * newton) / (1.0 + newton * (halley + householder3 * newton / 6.0));
    }

    private static final double TWO_PI = 2.0 * Math.PI;
    private static final double SQRT_THREE = Math.sqrt(3.0);
    private static final double ONE_OVER_SQRT_THREE = 1.0 / Math.sqrt(3.0);
    private static final double TWO_PI_OVER_SQRT_TWENTY_SEVEN = TWO_PI / Math.sqrt(27.0);
    private static final double PI_OVER_SIX = Math.PI / 6.0;
    private static final double SQRT_PI_OVER_TWO = Math.sqrt(Math.PI / 2.0);

    /** The inverse of the lower map: s = |x| / (sqrt3 Phi^-1((f sqrt27/(2 pi |x|))^(1/3))) (section 4). */
    private static double inverseLowerMap(double x, double f) {
        return Math.abs(x / (SQRT_THREE * NormalDistribution.inverseCdf(
                Math.cbrt(f / (TWO_PI_OVER_SQRT_TWENTY_SEVEN * Math.abs(x))))));
    }
}
