package margo.core.models;

import margo.core.pricing.ImpliedVolatility;
import margo.core.pricing.OptionType;

/**
 * European options under a {@link CharacteristicFunctionModel}, priced by the COS method of F. Fang and
 * C. W. Oosterlee, "A novel pricing method for European options based on Fourier-cosine series expansions", SIAM J.
 * Sci. Comput. 31(2) (2008) 826-848.
 *
 * <p>Prices are undiscounted (zero rates, as on crypto venues) and in the currency of the forward (USD for BTC
 * options); the {@code ...InCoin} methods divide by the forward, which is the value in coin of a coin-settled
 * ("inverse") option paying {@code max(S - K, 0) / S} (see {@link margo.core.pricing.Black76}). Forwards and strikes
 * are in USD, &gt; 0; times to expiry in years, &gt; 0.
 *
 * <p>Method, per expiry: the truncation range of {@code X = ln(F_T / F_0)} is
 * {@code [c1 - L sqrt(c2 + sqrt(c4)), c1 + L sqrt(c2 + sqrt(c4))]} from the model's {@link Cumulants}
 * (Fang and Oosterlee, section 5). The number of terms N is adaptive: the characteristic function is evaluated at
 * {@code u_k = k pi / (b - a)} until four consecutive values have {@code |phi(u_k)| <} the tolerance (at least 16
 * terms, at most {@code maxTerms}). The series coefficients of a put are then O(phi(u_k) / u_k^2), so the
 * truncation error of the sum is about the tolerance times F. This rule adapts N to the real difficulty: a peaked
 * density (short expiry, high vol of vol) has a slowly decaying phi and a wide range relative to its width, and gets
 * more terms, a few hundred for BTC-like Heston at one day; a smooth one stops after several dozen. Models with rare
 * jumps widen the range ({@link CharacteristicFunctionModel#truncationHalfWidth}). Puts are
 * priced by the series and calls by put-call parity {@code C = P + F - K}, which Fang and Oosterlee recommend
 * because the call payoff's coefficients grow like {@code e^b}. One expansion serves every strike and forward of an
 * expiry: a quote then costs O(N) multiply-adds, no transcendental functions beyond one log, exp, cos and sin.
 *
 * <p>Accuracy, measured against QuantLib 1.29 and independent series and quadrature (test
 * {@code CosPricerQuantLibReferenceTest}): Heston, Bates and Merton agree to 1e-8 relative or 1e-12 F absolute,
 * whichever is larger, across K/F 0.5..2 and T from one day to three years, and so does variance gamma when
 * {@code T / nu > 1/2}. Below that the variance gamma density is unbounded at its peak, phi decays only like
 * {@code |u|^{-2T/nu}}, N stops at {@code maxTerms} and the error is algebraic in N: measured up to 1.4e-3 relative
 * (1.7e-7 F) at one day, 5e-5 at one week, 3e-7 at 30 days for nu = 0.2; 1.6e-6 F at one day for sigma = 0.6,
 * nu = 0.1.
 *
 * <p>Prices are floored at the no-arbitrage lower bound (intrinsic value), which the rounding of the series can
 * undercut by about 1e-16 F.
 *
 * <p>Stateless and thread-safe; each thread reuses its own scratch arrays, so pricing allocates nothing per quote.
 *
 * @param truncationMultiple L, the half-width of the truncation range in units of {@code sqrt(c2 + sqrt(c4))}
 * @param characteristicFunctionTolerance the modulus of phi below which terms are dropped
 * @param maxTerms the cap on N, the number of cosine terms per expiry
 */
public record CosPricer(double truncationMultiple, double characteristicFunctionTolerance, int maxTerms) {

    /**
     * L = 14, tolerance 1e-15, at most 16384 terms. Fang and Oosterlee suggest L = 10..12; against the reference
     * table L = 12 leaves truncation errors of up to 4e-12 F (2e-8 relative) in the wings of the little-Heston-trap
     * set at one year and of Merton and Bates at 30 days, L = 14 none above 1e-12 F.
     */
    public static final CosPricer DEFAULT = new CosPricer(14.0, 1e-15, 1 << 14);

    private static final ThreadLocal<CosSeries> SERIES = ThreadLocal.withInitial(CosSeries::new);
    private static final ThreadLocal<double[]> PUT = ThreadLocal.withInitial(
            () -> new double[HestonParameters.PARAMETER_COUNT + 1]);

    public CosPricer {
        ModelArguments.requirePositive("truncationMultiple", truncationMultiple);
        ModelArguments.requirePositive("characteristicFunctionTolerance", characteristicFunctionTolerance);
        if (maxTerms < 32) {
            throw new IllegalArgumentException("maxTerms must be >= 32, not " + maxTerms);
        }
    }

    /** The undiscounted price in USD of one option; prefer {@link #priceSlice} for many strikes of one expiry. */
    public double price(CharacteristicFunctionModel model, OptionType type, double forward, double strike,
            double timeYears) {
        double[] out = new double[1];
        priceSlice(model, forward, timeYears, new double[] {strike}, new OptionType[] {type}, out);
        return out[0];
    }

    /**
     * Undiscounted prices in USD of options of one expiry into {@code out}: one expansion, then O(N) per strike.
     *
     * @param forward the forward F for the expiry, USD
     * @param timeYears the time to expiry T, years
     * @param strikes strikes K, USD; a non-positive or non-finite strike gives NaN
     * @param types call or put per strike
     * @param out receives the prices, USD
     */
    public void priceSlice(CharacteristicFunctionModel model, double forward, double timeYears, double[] strikes,
            OptionType[] types, double[] out) {
        requireSlice(forward, timeYears, strikes, types, out);
        CosSeries series = SERIES.get();
        series.expand(model, timeYears, this);
        double[] put = PUT.get();
        for (int i = 0; i < strikes.length; i++) {
            out[i] = optionFromPut(series, put, types[i], forward, strikes[i]);
        }
    }

    /** As {@link #priceSlice}, in coin per coin of notional (USD price / F). */
    public void priceSliceInCoin(CharacteristicFunctionModel model, double forward, double timeYears,
            double[] strikes, OptionType[] types, double[] out) {
        priceSlice(model, forward, timeYears, strikes, types, out);
        for (int i = 0; i < out.length; i++) {
            out[i] /= forward;
        }
    }

    /**
     * Undiscounted prices in USD of a chain of quotes over several expiries into {@code out}. Quotes are taken in
     * runs of equal {@code timesYears}; each run is one expansion (the forward may differ within a run), so sort the
     * chain by expiry for speed. All arrays must have the same length.
     */
    public void priceChain(CharacteristicFunctionModel model, double[] forwards, double[] timesYears,
            double[] strikes, OptionType[] types, double[] out) {
        requireChain(forwards, timesYears, strikes, types, out);
        CosSeries series = SERIES.get();
        double[] put = PUT.get();
        int n = strikes.length;
        for (int start = 0; start < n; ) {
            double t = timesYears[start];
            requireExpiry(t);
            series.expand(model, t, this);
            int end = start;
            for (; end < n && timesYears[end] == t; end++) {
                requireForward(forwards[end]);
                out[end] = optionFromPut(series, put, types[end], forwards[end], strikes[end]);
            }
            start = end;
        }
    }

    /** As {@link #priceChain}, in coin per coin of notional (USD price / F). */
    public void priceChainInCoin(CharacteristicFunctionModel model, double[] forwards, double[] timesYears,
            double[] strikes, OptionType[] types, double[] out) {
        priceChain(model, forwards, timesYears, strikes, types, out);
        for (int i = 0; i < out.length; i++) {
            out[i] /= forwards[i];
        }
    }

    /**
     * The model's Black-76 implied volatilities (annualised decimals) of a chain into {@code out}: prices by
     * {@link #priceChain}, inverted by {@link ImpliedVolatility#impliedVolatilities}; NaN where the volatility is not
     * identifiable from the price (far wings whose price underflows or sits at intrinsic value).
     */
    public void impliedVolatilities(CharacteristicFunctionModel model, double[] forwards, double[] timesYears,
            double[] strikes, OptionType[] types, double[] out) {
        double[] prices = new double[strikes.length];
        priceChain(model, forwards, timesYears, strikes, types, prices);
        ImpliedVolatility.impliedVolatilities(types, prices, forwards, strikes, timesYears, out);
    }

    /**
     * Heston prices (USD) and their gradient with respect to {@code (v0, kappa, theta, xi, rho)} for options of
     * one expiry, from the characteristic function and analytic gradient of Cui, del Baño Rollin and Germano (2017)
     * ({@link HestonParameters#characteristicFunctionAndGradient}) in the same cosine series: the derivative of the
     * COS sum is the sum with {@code d phi / d p} in place of phi, the truncation range held fixed. A call and a put
     * of the same strike have the same gradient (parity).
     *
     * @param prices receives the prices, USD, length = strikes
     * @param jacobian receives the derivatives row-major, quote i's row at {@code 5 i}: dPrice/dv0, dPrice/dkappa,
     *     dPrice/dtheta, dPrice/dxi, dPrice/drho, USD per unit of each parameter; length = 5 strikes
     */
    public void priceAndGradientSlice(HestonParameters model, double forward, double timeYears, double[] strikes,
            OptionType[] types, double[] prices, double[] jacobian) {
        requireSlice(forward, timeYears, strikes, types, prices);
        int width = HestonParameters.PARAMETER_COUNT;
        if (jacobian.length != width * strikes.length) {
            throw new IllegalArgumentException("jacobian must have length 5 * strikes = " + width * strikes.length
                    + ", not " + jacobian.length);
        }
        CosSeries series = SERIES.get();
        series.expandWithGradient(model, timeYears, this);
        double[] put = PUT.get();
        for (int i = 0; i < strikes.length; i++) {
            prices[i] = optionFromPut(series, put, types[i], forward, strikes[i]);
            System.arraycopy(put, 1, jacobian, width * i, width);
        }
    }

    /**
     * The truncation range {a, b} of X and the number of terms N that {@link #priceSlice} uses for this model and
     * expiry; for diagnostics and tests.
     */
    public double[] expansionDiagnostics(CharacteristicFunctionModel model, double timeYears) {
        requireExpiry(timeYears);
        CosSeries series = SERIES.get();
        series.expand(model, timeYears, this);
        return new double[] {series.lower(), series.upper(), series.terms()};
    }

    /** Evaluates the expanded put into {@code put} and returns the option's price, floored at intrinsic value. */
    private static double optionFromPut(CosSeries series, double[] put, OptionType type, double forward,
            double strike) {
        if (!(strike > 0.0) || strike == Double.POSITIVE_INFINITY) {
            java.util.Arrays.fill(put, Double.NaN);
            return Double.NaN;
        }
        series.put(forward, strike, put);
        double value = type == OptionType.PUT ? put[0] : put[0] + forward - strike;
        double intrinsic = Math.max(type.sign() * (forward - strike), 0.0);
        return Math.max(value, intrinsic);
    }

    private static void requireSlice(double forward, double timeYears, double[] strikes, OptionType[] types,
            double[] out) {
        requireForward(forward);
        requireExpiry(timeYears);
        requireLength("types", types.length, strikes.length);
        requireLength("out", out.length, strikes.length);
    }

    private static void requireChain(double[] forwards, double[] timesYears, double[] strikes, OptionType[] types,
            double[] out) {
        requireLength("forwards", forwards.length, strikes.length);
        requireLength("timesYears", timesYears.length, strikes.length);
        requireLength("types", types.length, strikes.length);
        requireLength("out", out.length, strikes.length);
    }

    private static void requireForward(double forward) {
        if (!(forward > 0.0) || forward == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("forward must be finite and > 0, not " + forward);
        }
    }

    private static void requireExpiry(double timeYears) {
        if (!(timeYears > 0.0) || timeYears == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("timeYears must be finite and > 0, not " + timeYears);
        }
    }

    private static void requireLength(String name, int length, int expected) {
        if (length != expected) {
            throw new IllegalArgumentException(name + " must have the length of strikes, " + expected + ", not "
                    + length);
        }
    }
}
