package margo.core.models;

import java.io.Serializable;
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
 * <p>Variance gamma at short expiries is the exception to COS: phi decays only like {@code |u|^{-2T/nu}}, so the
 * series converges algebraically, and at {@code T / nu <= 1/2}, where the density is unbounded at its peak, not even
 * with 16384 terms (still 1.4e-3 relative off at one day for nu = 0.2). There, and wherever the series would need
 * more than a quarter of {@code maxTerms}, the pricer integrates Black-76 prices over the gamma clock instead
 * ({@link GammaMixture}), about 500 Black-76 evaluations per quote.
 *
 * <p>Accuracy, measured against QuantLib 1.29 and independent series and quadrature (test
 * {@code CosPricerQuantLibReferenceTest}): all four models agree to 1e-8 relative or 1e-12 F absolute, whichever is
 * larger, across K/F 0.5..2 and T from one day to three years. The cumulant range is the weak point for extreme
 * Heston parameters far from the Feller condition (2 kappa theta / xi^2 of 0.003, excess kurtosis in the hundreds):
 * there deep out-of-the-money calls can be off by 2e-9 F with N at the cap ({@link #expansionDiagnostics} shows
 * it), and by 2e-10 F even with N uncapped, from the left tail beyond the L = 14 range.
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
public record CosPricer(double truncationMultiple, double characteristicFunctionTolerance, int maxTerms)
        implements Serializable {

    /**
     * L = 14, tolerance 1e-15, at most 16384 terms. Fang and Oosterlee suggest L = 10..12; against the reference
     * table L = 12 leaves truncation errors of up to 4e-12 F (2e-8 relative) in the wings of the little-Heston-trap
     * set at one year and of Merton and Bates at 30 days, L = 14 none above 1e-12 F (beyond the disagreement of
     * QuantLib's own two Heston integrations).
     */
    public static final CosPricer DEFAULT = new CosPricer(14.0, 1e-15, 1 << 14);

    private static final ThreadLocal<CosSeries> SERIES = ThreadLocal.withInitial(CosSeries::new);
    private static final ThreadLocal<ExpiryPuts> PUTS = ThreadLocal.withInitial(() -> new ExpiryPuts(SERIES.get()));

    public CosPricer {
        ModelArguments.requirePositive("truncationMultiple", truncationMultiple);
        ModelArguments.requirePositive("characteristicFunctionTolerance", characteristicFunctionTolerance);
        if (maxTerms < 32) {
            throw new IllegalArgumentException("maxTerms must be >= 32, not " + maxTerms);
        }
    }

    /**
     * The undiscounted price in USD of one option; a convenience that allocates, prefer {@link #priceSlice} for many
     * strikes of one expiry.
     */
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
        expand(model, timeYears).slice(types, forward, strikes, out, null, 0);
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
        int n = strikes.length;
        for (int start = 0; start < n; ) {
            double t = timesYears[start];
            requireExpiry(t);
            ExpiryPuts puts = expand(model, t);
            int end = start;
            for (; end < n && timesYears[end] == t; end++) {
                requireForward(forwards[end]);
                out[end] = puts.option(types[end], forwards[end], strikes[end]);
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
     * Prices (USD) and their gradient with respect to the model's parameters, in the order of
     * {@link CharacteristicFunctionModel#parameterNames()}, for options of one expiry: the cosine series of the
     * analytic gradient of the characteristic function
     * ({@link CharacteristicFunctionModel#characteristicFunctionAndGradient}; for Heston that of Cui, del Baño Rollin
     * and Germano 2017) is the derivative of the COS sum, the truncation range held fixed; for variance gamma where
     * the gamma-clock mixture prices, the mixture's derivative ({@link GammaMixture#putAndGradient}). A call
     * and a put of the same strike have the same gradient (parity).
     *
     * @param prices receives the prices, USD, length = strikes
     * @param jacobian receives the derivatives row-major, quote i's row at {@code p i} for p parameters (for Heston
     *     dPrice/dv0, dPrice/dkappa, dPrice/dtheta, dPrice/dxi, dPrice/drho), USD per unit of each parameter;
     *     length = p strikes
     */
    public void priceAndGradientSlice(CharacteristicFunctionModel model, double forward, double timeYears,
            double[] strikes, OptionType[] types, double[] prices, double[] jacobian) {
        requireSlice(forward, timeYears, strikes, types, prices);
        int width = requireJacobian(model, jacobian, strikes.length);
        ExpiryPuts puts = PUTS.get();
        puts.expand(model, timeYears, this, true);
        puts.slice(types, forward, strikes, prices, jacobian, width);
    }

    /**
     * As {@link #priceAndGradientSlice} for a chain over several expiries, taken in runs of equal
     * {@code timesYears} like {@link #priceChain}: prices (USD) and the Jacobian row-major, quote i's row at
     * {@code p i}, the block a Levenberg-Marquardt step needs.
     */
    public void priceAndGradientChain(CharacteristicFunctionModel model, double[] forwards, double[] timesYears,
            double[] strikes, OptionType[] types, double[] prices, double[] jacobian) {
        requireChain(forwards, timesYears, strikes, types, prices);
        int width = requireJacobian(model, jacobian, strikes.length);
        ExpiryPuts puts = PUTS.get();
        int n = strikes.length;
        for (int start = 0; start < n; ) {
            double t = timesYears[start];
            requireExpiry(t);
            puts.expand(model, t, this, true);
            int end = start;
            for (; end < n && timesYears[end] == t; end++) {
                requireForward(forwards[end]);
                puts.optionAndGradient(types[end], forwards[end], strikes[end], prices, end, jacobian, width);
            }
            start = end;
        }
    }

    /** The number of parameters p, checked against the Jacobian's length p * quotes. */
    private static int requireJacobian(CharacteristicFunctionModel model, double[] jacobian, int quotes) {
        int width = model.parameterNames().length;
        if (jacobian.length != width * quotes) {
            throw new IllegalArgumentException("jacobian must have length " + width + " * strikes = " + width * quotes
                    + " for " + model.modelName() + ", not " + jacobian.length);
        }
        return width;
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

    /**
     * One expiry's expansion, kept: for pricing options of that expiry at forwards and strikes not known in advance
     * (a risk matrix revalues each option at many moved forwards) at O(N) each, without expanding again. The
     * expansion depends only on the model and the time, not on the forward, because the series is in
     * {@code ln(F_T / F_0)}.
     *
     * @param timeYears the time to expiry T, years, &gt; 0
     */
    public Expiry expiry(CharacteristicFunctionModel model, double timeYears) {
        requireExpiry(timeYears);
        ExpiryPuts puts = new ExpiryPuts(new CosSeries());
        puts.expand(model, timeYears, this, false);
        return new Expiry(puts, timeYears);
    }

    /**
     * The options of one expiry under one model, expanded once by {@link #expiry}. Not thread-safe: it reuses its
     * own scratch arrays; callers sharing one between threads synchronise on it.
     */
    public static final class Expiry {
        private final ExpiryPuts puts;
        private final double timeYears;

        private Expiry(ExpiryPuts puts, double timeYears) {
            this.puts = puts;
            this.timeYears = timeYears;
        }

        /** The time to expiry this expansion is for, years. */
        public double timeYears() {
            return timeYears;
        }

        /**
         * The undiscounted price in USD of one option of this expiry, as {@link #priceSlice} gives it.
         *
         * @param forward the forward F, USD, finite and &gt; 0
         * @param strike the strike K, USD; a non-positive or non-finite strike gives NaN
         */
        public double price(OptionType type, double forward, double strike) {
            requireForward(forward);
            return puts.option(type, forward, strike);
        }
    }

    /**
     * The puts of one expiry, set up once: the COS series, or for variance gamma at short expiries the
     * {@link GammaMixture}.
     */
    private ExpiryPuts expand(CharacteristicFunctionModel model, double timeYears) {
        ExpiryPuts puts = PUTS.get();
        puts.expand(model, timeYears, this, false);
        return puts;
    }

    /** Scratch, per thread or held by an {@link Expiry}: the two ways of pricing an expiry's puts, which is set up. */
    private static final class ExpiryPuts {
        final CosSeries series;
        final GammaMixture gammaMixture = new GammaMixture();
        final double[] put = new double[CharacteristicFunctionModel.MAX_PARAMETERS + 1];
        /** Scratch of {@link #slice}: a block of strikes, their quote indices, and their puts' rows. */
        final double[] blockStrikes = new double[CosSeries.BLOCK];
        final int[] blockQuotes = new int[CosSeries.BLOCK];
        final double[] blockPuts = new double[CosSeries.BLOCK * put.length];
        boolean mixture;

        ExpiryPuts(CosSeries series) {
            this.series = series;
        }

        /** Sets up the expiry's puts, with their derivatives by every parameter when {@code gradient}. */
        void expand(CharacteristicFunctionModel model, double timeYears, CosPricer settings, boolean gradient) {
            mixture = GammaMixture.serves(model, timeYears, settings);
            if (mixture) {
                gammaMixture.expand((VarianceGammaParameters) model, timeYears);
            } else if (gradient) {
                series.expandWithGradient(model, timeYears, settings);
            } else {
                series.expand(model, timeYears, settings);
            }
        }

        /**
         * The options {@code (types[i], strikes[i])} on {@code forward}: prices into {@code prices}, and when
         * {@code jacobian} is not null their gradients into its rows, p = {@code width} wide. The series prices its
         * strikes in blocks ({@link CosSeries#puts}), each strike as {@link #option} would.
         */
        void slice(OptionType[] types, double forward, double[] strikes, double[] prices, double[] jacobian,
                int width) {
            if (mixture) {
                for (int i = 0; i < strikes.length; i++) {
                    if (jacobian == null) {
                        prices[i] = option(types[i], forward, strikes[i]);
                    } else {
                        optionAndGradient(types[i], forward, strikes[i], prices, i, jacobian, width);
                    }
                }
                return;
            }
            int count = 0;
            for (int i = 0; i < strikes.length; i++) {
                if (!isStrike(strikes[i])) {
                    prices[i] = Double.NaN;
                    if (jacobian != null) {
                        java.util.Arrays.fill(jacobian, width * i, width * (i + 1), Double.NaN);
                    }
                    continue;
                }
                blockStrikes[count] = strikes[i];
                blockQuotes[count++] = i;
                if (count == CosSeries.BLOCK) {
                    sliceBlock(types, forward, strikes, count, prices, jacobian, width);
                    count = 0;
                }
            }
            if (count > 0) {
                sliceBlock(types, forward, strikes, count, prices, jacobian, width);
            }
        }

        /** The block of {@link #slice} gathered so far, priced and stored under its quotes' indices. */
        private void sliceBlock(OptionType[] types, double forward, double[] strikes, int count, double[] prices,
                double[] jacobian, int width) {
            series.puts(forward, blockStrikes, count, blockPuts);
            for (int b = 0; b < count; b++) {
                int quote = blockQuotes[b];
                int row = b * put.length;
                prices[quote] = optionFromPut(types[quote], forward, strikes[quote], blockPuts[row]);
                if (jacobian != null) {
                    System.arraycopy(blockPuts, row + 1, jacobian, width * quote, width);
                }
            }
        }

        /** Quote i's price into {@code prices[i]} and its gradient into row i of {@code jacobian}, p wide. */
        void optionAndGradient(OptionType type, double forward, double strike, double[] prices, int i,
                double[] jacobian, int width) {
            if (!isStrike(strike)) {
                java.util.Arrays.fill(put, Double.NaN);
            } else if (mixture) {
                gammaMixture.putAndGradient(forward, strike, put);
            } else {
                series.put(forward, strike, put);
            }
            prices[i] = optionFromPut(type, forward, strike, put[0]);
            System.arraycopy(put, 1, jacobian, width * i, width);
        }

        double option(OptionType type, double forward, double strike) {
            if (!isStrike(strike)) {
                return Double.NaN;
            }
            double putValue;
            if (mixture) {
                putValue = gammaMixture.put(forward, strike);
            } else {
                series.put(forward, strike, put);
                putValue = put[0];
            }
            return optionFromPut(type, forward, strike, putValue);
        }
    }

    private static boolean isStrike(double strike) {
        return strike > 0.0 && strike != Double.POSITIVE_INFINITY;
    }

    /** The option from its put by parity, floored at intrinsic value. */
    private static double optionFromPut(OptionType type, double forward, double strike, double put) {
        double value = type == OptionType.PUT ? put : put + forward - strike;
        double intrinsic = Math.max(type.sign() * (forward - strike), 0.0);
        return Double.isNaN(value) ? value : Math.max(value, intrinsic);
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
