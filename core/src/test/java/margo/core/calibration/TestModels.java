package margo.core.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import margo.core.models.CharacteristicFunctionModel;
import margo.core.models.CosPricer;
import margo.core.models.HestonParameters;
import margo.core.pricing.Black76;
import margo.core.pricing.OptionType;

/** Models written for the engine's tests, whose right answers are known in closed form. */
final class TestModels {

    private TestModels() {
    }

    /**
     * A Black-76 volatility term structure {@code sigma(T) = a + b exp(-c T)}, flat in strike, priced with
     * Black-76 and (optionally) its analytic gradient {@code vega * d sigma / d theta}.
     */
    static final class TermStructure implements SlicePricer {
        private final boolean gradient;

        TermStructure(boolean gradient) {
            this.gradient = gradient;
        }

        static double volatility(double[] p, double t) {
            return p[0] + p[1] * Math.exp(-p[2] * t);
        }

        @Override
        public List<String> parameterNames() {
            return List.of("a", "b", "c");
        }

        @Override
        public boolean hasGradient() {
            return gradient;
        }

        @Override
        public void prices(double[] p, double forward, double t, double[] strikes, OptionType[] types,
                double[] out, double[] gradientOut) {
            double sigma = volatility(p, t);
            double decay = Math.exp(-p[2] * t);
            for (int i = 0; i < strikes.length; i++) {
                out[i] = Black76.price(types[i], forward, strikes[i], t, sigma);
                if (gradientOut != null) {
                    double vega = Black76.vega(types[i], forward, strikes[i], t, sigma);
                    gradientOut[i * 3] = vega;
                    gradientOut[i * 3 + 1] = vega * decay;
                    gradientOut[i * 3 + 2] = -vega * p[1] * t * decay;
                }
            }
        }
    }

    /**
     * Gatheral's raw SVI total implied variance {@code w(k) = a + b (rho (k - m) + sqrt((k - m)^2 + s^2))} of
     * log-moneyness {@code k = ln(K/F)}, the same for every expiry, priced with Black-76; no gradient, so the engine
     * differentiates numerically.
     */
    static final class Svi implements SlicePricer {
        static double volatility(double[] p, double forward, double strike, double t) {
            double k = Math.log(strike / forward) - p[3];
            return Math.sqrt((p[0] + p[1] * (p[2] * k + Math.sqrt(k * k + p[4] * p[4]))) / t);
        }

        @Override
        public List<String> parameterNames() {
            return List.of("a", "b", "rho", "m", "s");
        }

        @Override
        public boolean hasGradient() {
            return false;
        }

        @Override
        public void prices(double[] p, double forward, double t, double[] strikes, OptionType[] types,
                double[] out, double[] gradientOut) {
            for (int i = 0; i < strikes.length; i++) {
                out[i] = Black76.price(types[i], forward, strikes[i], t, volatility(p, forward, strikes[i], t));
            }
        }
    }

    /** A model that ignores the option fields: value of quote i is f(parameters, strike_i). */
    interface ScalarFunction {
        double value(double[] p, double x);
    }

    /** A {@link CalibrationModel} of a scalar function of the strike, without Jacobian (and optionally slow). */
    record Curve(List<String> parameterNames, ScalarFunction function, long spinNanos) implements CalibrationModel {
        @Override
        public QuoteEvaluator evaluatorFor(CalibrationQuotes quotes, Target target) {
            return new QuoteEvaluator() {
                @Override
                public void values(double[] p, double[] out) {
                    if (spinNanos > 0) {
                        long until = System.nanoTime() + spinNanos;
                        while (System.nanoTime() < until) {
                            Thread.onSpinWait();
                        }
                    }
                    for (int i = 0; i < out.length; i++) {
                        out[i] = function.value(p, quotes.strikes()[i]);
                    }
                }

                @Override
                public boolean hasJacobian() {
                    return false;
                }

                @Override
                public void jacobian(double[] p, double[] out) {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }

    /** Quotes at strikes {@code xs} (one expiry) with market {@code f(truth, x)} and unit weights. */
    static CalibrationQuotes curveQuotes(double[] xs, ScalarFunction f, double[] truth) {
        int n = xs.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = f.value(truth, xs[i]);
        }
        return quotes(new int[n], fill(n, 1.0), xs, fill(n, 1.0), y);
    }

    /**
     * A synthetic chain: expiries {@code times}, forward 100, strikes from 70 to 130, out-of-the-money types, with
     * market implied volatilities {@code vol(expiry, strike)} and unit weights.
     */
    static CalibrationQuotes chain(double[] times, int strikesPerExpiry, VolatilitySurface vol) {
        List<double[]> rows = new ArrayList<>();
        for (int e = 0; e < times.length; e++) {
            for (int j = 0; j < strikesPerExpiry; j++) {
                double strike = 70.0 + 60.0 * j / (strikesPerExpiry - 1);
                rows.add(new double[] {e, strike, times[e], vol.volatility(times[e], strike)});
            }
        }
        int n = rows.size();
        int[] expiry = new int[n];
        double[] strikes = new double[n];
        double[] t = new double[n];
        double[] iv = new double[n];
        for (int i = 0; i < n; i++) {
            expiry[i] = (int) rows.get(i)[0];
            strikes[i] = rows.get(i)[1];
            t[i] = rows.get(i)[2];
            iv[i] = rows.get(i)[3];
        }
        return quotes(expiry, fill(n, 100.0), strikes, t, iv);
    }

    /** The market implied volatility of a synthetic quote. */
    interface VolatilitySurface {
        double volatility(double timeYears, double strike);
    }

    static CalibrationQuotes quotes(int[] expiry, double[] forwards, double[] strikes, double[] times,
            double[] market) {
        int n = expiry.length;
        OptionType[] types = new OptionType[n];
        for (int i = 0; i < n; i++) {
            types[i] = strikes[i] >= forwards[i] ? OptionType.CALL : OptionType.PUT;
        }
        return new CalibrationQuotes(expiry, types, forwards, strikes, times, market, fill(n, 1.0));
    }

    /** The same quotes with market values replaced by Black-76 prices of their implied volatilities. */
    static CalibrationQuotes asPrices(CalibrationQuotes q) {
        double[] prices = new double[q.size()];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = Black76.price(q.types()[i], q.forwards()[i], q.strikes()[i], q.timesYears()[i],
                    q.market()[i]);
        }
        return new CalibrationQuotes(q.expiryIndex(), q.types(), q.forwards(), q.strikes(), q.timesYears(), prices,
                q.weights());
    }

    static double[] fill(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    static final double[] TERM_TRUTH = {0.45, 0.25, 3.0};
    static final double[] TIMES = {0.02, 0.08, 0.25, 0.5, 1.0};

    /** The term-structure problem: truth {@link #TERM_TRUTH}, starts away from it, bounds around it. */
    static CalibrationProblem termStructureProblem(boolean gradient, Target target) {
        CalibrationQuotes q = chain(TIMES, 7, (t, k) -> TermStructure.volatility(TERM_TRUTH, t));
        if (target == Target.PRICE) {
            q = asPrices(q);
        }
        return CalibrationProblem.of(new SlicePricedModel(new TermStructure(gradient)), List.of(
                ParameterSpec.free("a", 0.05, 2.0, 0.6),
                ParameterSpec.free("b", -1.0, 1.0, 0.0),
                ParameterSpec.free("c", 0.1, 20.0, 1.0)), q, target);
    }

    /** Fitting sin(omega x): from omega = 0.6 a local search finds a local minimum; the truth is omega = 3. */
    static CalibrationProblem sineProblem(int starts, long seed, long spinNanos) {
        ScalarFunction f = (p, x) -> Math.sin(p[0] * x) * p[1];
        double[] xs = new double[40];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = 0.1 * (i + 1);
        }
        return CalibrationProblem.of(new Curve(List.of("omega", "amplitude"), f, spinNanos),
                List.of(ParameterSpec.free("omega", 0.1, 6.0, 0.6), ParameterSpec.free("amplitude", 0.1, 3.0, 1.0)),
                curveQuotes(xs, f, new double[] {3.0, 1.0}), Target.PRICE).withStarts(starts, seed);
    }

    /** A small chain of Heston implied volatilities from {@code truth}: {@code times} x {@code strikes}. */
    static CalibrationQuotes hestonChain(double[] truth, double[] times, int strikes) {
        return cosChain(HestonParameters.of(truth), times, strikes);
    }

    /** A small chain of the implied volatilities of {@code model}, COS-priced: {@code times} x {@code strikes}. */
    static CalibrationQuotes cosChain(CharacteristicFunctionModel model, double[] times, int strikes) {
        CalibrationQuotes shape = chain(times, strikes, (t, k) -> 0.5);
        double[] iv = new double[shape.size()];
        CosPricer.DEFAULT.impliedVolatilities(model, shape.forwards(), shape.timesYears(), shape.strikes(),
                shape.types(), iv);
        return new CalibrationQuotes(shape.expiryIndex(), shape.types(), shape.forwards(), shape.strikes(),
                shape.timesYears(), iv, shape.weights());
    }

    /** Heston's v0, kappa, theta, xi and rho, bounded, from a start away from the tests' truths. */
    static List<ParameterSpec> hestonParameters() {
        return List.of(
                ParameterSpec.free("v0", 0.01, 4.0, 0.25),
                ParameterSpec.free("kappa", 0.1, 20.0, 1.0),
                ParameterSpec.free("theta", 0.01, 4.0, 0.25),
                ParameterSpec.free("xi", 0.05, 5.0, 0.6),
                ParameterSpec.free("rho", -0.99, 0.99, 0.0));
    }

    /** Asserts that {@code first} and {@code second} give bit-identical results for each of {@code problems}. */
    static void assertSameResults(Calibrator first, Calibrator second, List<CalibrationProblem> problems) {
        for (CalibrationProblem problem : problems) {
            assertBitIdentical(first.calibrate(problem), second.calibrate(problem));
        }
    }

    /** Asserts that two results agree bit for bit: parameters, diagnostics, counts, best start and warnings. */
    static void assertBitIdentical(CalibrationResult a, CalibrationResult b) {
        assertBits(a.parameters(), b.parameters());
        assertBits(a.standardErrors(), b.standardErrors());
        for (int j = 0; j < a.correlation().length; j++) {
            assertBits(a.correlation()[j], b.correlation()[j]);
        }
        assertBits(new double[] {a.objective(), a.rmse(), a.maxAbsError(), a.conditionNumber()},
                new double[] {b.objective(), b.rmse(), b.maxAbsError(), b.conditionNumber()});
        assertBits(a.rmseByExpiry(), b.rmseByExpiry());
        assertBits(a.residuals().model(), b.residuals().model());
        assertEquals(a.evaluations(), b.evaluations());
        assertEquals(a.iterations(), b.iterations());
        assertEquals(a.bestStart(), b.bestStart());
        assertEquals(a.stopReason(), b.stopReason());
        assertEquals(a.warnings(), b.warnings());
        assertEquals(a.failures(), b.failures());
        assertEquals(a.starts(), b.starts());
    }

    static void assertBits(double[] a, double[] b) {
        assertEquals(a.length, b.length);
        for (int i = 0; i < a.length; i++) {
            assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(b[i]), "element " + i);
        }
    }

    static void assertRelative(double[] expected, double[] actual, double tolerance) {
        for (int j = 0; j < expected.length; j++) {
            double relative = Math.abs(actual[j] - expected[j]) / Math.abs(expected[j]);
            if (!(relative <= tolerance)) {
                throw new AssertionError("parameter " + j + ": expected " + expected[j] + ", got " + actual[j]
                        + " (relative error " + relative + " > " + tolerance + ")");
            }
        }
    }
}
