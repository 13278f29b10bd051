package margo.core.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import margo.core.pricing.Black76;
import margo.core.pricing.ImpliedVolatility;
import margo.core.pricing.OptionType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

/**
 * No-arbitrage shape of COS prices and limits that reduce the models to Black-76. Heston parameters are drawn over
 * equity-like and BTC-like ranges (v0, theta 0.01..1, kappa 0.2..10, xi 0.05..4, rho -0.95..0.5), expiries
 * log-uniformly from one day to three years, the forward from 100 to 100,000 USD, keeping the Feller ratio
 * {@code 2 kappa theta / xi^2} at or above {@value #FELLER_RATIO_FLOOR} (every set of the reference table is above
 * 0.38). Far below it the variance sits at zero for long spells and X's excess kurtosis runs into the hundreds:
 * at v0 = theta = 0.01, kappa = 0.2, xi = 1.12, rho = -0.95, T = 3 (ratio 0.003) N needs 1e5 terms, six times
 * the cap, and even then the L = 14 range cuts off a left tail worth 2e-10 F, so deep out-of-the-money calls lose
 * their 1e-12 F accuracy (by 2e-9 F at the cap).
 */
class CosPricerPropertiesTest {

    static final int SLICE = 41;
    static final double FELLER_RATIO_FLOOR = 0.1;
    /** Shape checks allow the pricer's absolute accuracy, 1e-12 F. */
    static final double SLACK = 1e-12;

    record Slice(HestonParameters model, double forward, double timeYears) {

        double[] strikes() {
            double[] k = new double[SLICE];
            for (int i = 0; i < SLICE; i++) {
                k[i] = forward * Math.exp(Math.log(0.5) + i * Math.log(4.0) / (SLICE - 1));
            }
            return k;
        }

        double[] prices(OptionType type) {
            OptionType[] types = new OptionType[SLICE];
            java.util.Arrays.fill(types, type);
            double[] out = new double[SLICE];
            CosPricer.DEFAULT.priceSlice(model, forward, timeYears, strikes(), types, out);
            return out;
        }
    }

    @Provide
    Arbitrary<Slice> slices() {
        Arbitrary<HestonParameters> heston = Combinators.combine(
                decimals(0.01, 1.0), decimals(0.2, 10.0), decimals(0.01, 1.0), decimals(0.05, 4.0), decimals(-0.95, 0.5)).as(HestonParameters::new)
                .filter(h -> 2.0 * h.kappa() * h.theta() / (h.xi() * h.xi()) >= FELLER_RATIO_FLOOR);
        Arbitrary<Double> logTime = decimals(Math.log(1 / 365.0), Math.log(3.0));
        Arbitrary<Double> logForward = decimals(Math.log(100.0), Math.log(1e5));
        return Combinators.combine(heston, logForward, logTime)
                .as((h, f, t) -> new Slice(h, Math.exp(f), Math.exp(t)));
    }

    private static Arbitrary<Double> decimals(double min, double max) {
        return Arbitraries.doubles().between(0.0, 1.0).ofScale(12).map(x -> min + (max - min) * x);
    }

    @Property(tries = 150)
    void pricesLieWithinNoArbitrageBounds(@ForAll("slices") Slice s) {
        double[] k = s.strikes();
        double[] calls = s.prices(OptionType.CALL);
        double[] puts = s.prices(OptionType.PUT);
        for (int i = 0; i < SLICE; i++) {
            assertTrue(calls[i] >= Math.max(s.forward - k[i], 0.0) && calls[i] <= s.forward, s + " call " + i);
            assertTrue(puts[i] >= Math.max(k[i] - s.forward, 0.0) && puts[i] <= k[i], s + " put " + i);
        }
    }

    @Property(tries = 150)
    void callsFallAndPutsRiseWithStrikeConvexly(@ForAll("slices") Slice s) {
        double[] calls = s.prices(OptionType.CALL);
        double[] puts = s.prices(OptionType.PUT);
        double slack = SLACK * s.forward;
        for (int i = 1; i < SLICE; i++) {
            assertTrue(calls[i] <= calls[i - 1] + slack, s + " call monotone at " + i);
            assertTrue(puts[i] >= puts[i - 1] - slack, s + " put monotone at " + i);
        }
        double[] k = s.strikes();
        for (int i = 1; i < SLICE - 1; i++) {
            // Convexity on an uneven grid: the chord slope increases.
            double left = (calls[i] - calls[i - 1]) / (k[i] - k[i - 1]);
            double right = (calls[i + 1] - calls[i]) / (k[i + 1] - k[i]);
            assertTrue(right >= left - 2 * slack / (k[i + 1] - k[i]), s + " convex at " + i);
        }
    }

    @Property(tries = 100)
    void hestonWithVanishingVolOfVolIsBlack76AtTheRootMeanVariance(@ForAll("slices") Slice s) {
        HestonParameters h = s.model;
        // The price moves linearly in rho xi (about 20 xi relative three deviations out), so xi must be tiny.
        HestonParameters quiet = new HestonParameters(h.v0(), h.kappa(), h.theta(), 1e-10, h.rho());
        // Deterministic variance: Black-76 with sigma^2 T = int_0^T v dt = theta T + (v0 - theta)(1 - e^{-kT}) / k.
        double t = s.timeYears;
        double meanVariance = h.theta() - (h.v0() - h.theta()) * Math.expm1(-h.kappa() * t) / (h.kappa() * t);
        double sigma = Math.sqrt(meanVariance);
        Slice flat = new Slice(quiet, s.forward, t);
        double[] calls = flat.prices(OptionType.CALL);
        double[] k = flat.strikes();
        for (int i = 0; i < SLICE; i++) {
            double black = Black76.price(OptionType.CALL, s.forward, k[i], t, sigma);
            assertEquals(black, calls[i], 1e-7 * black + 1e-12 * s.forward, s + " K=" + k[i]);
        }
    }

    @Property(tries = 150)
    void mertonWithoutJumpsIsBlack76(@ForAll @DoubleRange(min = 0.05, max = 2.0) @Scale(6) double sigma,
            @ForAll @DoubleRange(min = 0.003, max = 3.0) @Scale(6) double timeYears,
            @ForAll @DoubleRange(min = 0.5, max = 2.0) @Scale(6) double moneyness,
            @ForAll @DoubleRange(min = -0.3, max = 0.3) @Scale(6) double muJ) {
        double forward = 50_000.0;
        double strike = forward * moneyness;
        for (MertonParameters m : new MertonParameters[] {new MertonParameters(sigma, 0.0, muJ, 0.2),
            new MertonParameters(sigma, 5.0, 0.0, 0.0)}) {
            for (OptionType type : OptionType.values()) {
                double black = Black76.price(type, forward, strike, timeYears, sigma);
                double cos = CosPricer.DEFAULT.price(m, type, forward, strike, timeYears);
                assertEquals(black, cos, 1e-9 * black + 1e-12 * forward, m + " " + type);
            }
        }
    }

    @Property(tries = 100)
    void modelImpliedVolatilityRepricesAndIsTheSameForCallAndPut(@ForAll("slices") Slice s) {
        int n = SLICE;
        double[] k = s.strikes();
        double[] forwards = new double[2 * n];
        double[] times = new double[2 * n];
        double[] strikes = new double[2 * n];
        OptionType[] types = new OptionType[2 * n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 2; c++) {
                forwards[2 * i + c] = s.forward;
                times[2 * i + c] = s.timeYears;
                strikes[2 * i + c] = k[i];
                types[2 * i + c] = c == 0 ? OptionType.CALL : OptionType.PUT;
            }
        }
        double[] prices = new double[2 * n];
        double[] vols = new double[2 * n];
        CosPricer.DEFAULT.priceChain(s.model, forwards, times, strikes, types, prices);
        CosPricer.DEFAULT.impliedVolatilities(s.model, forwards, times, strikes, types, vols);
        for (int i = 0; i < 2 * n; i++) {
            double otm = Math.min(prices[i], prices[i ^ 1]);
            if (otm < 1e-9 * s.forward) {
                continue;   // far wing: price at the pricer's absolute accuracy, vol not determined by it
            }
            double repriced = Black76.price(types[i], s.forward, strikes[i], s.timeYears, vols[i]);
            assertEquals(prices[i], repriced, 1e-9 * prices[i], s + " " + i);
            double vega = Black76.vega(types[i], s.forward, strikes[i], s.timeYears, vols[i]);
            double identifiable = 1e-12 * s.forward / vega;
            assertEquals(vols[i], vols[i ^ 1], 1e-9 * vols[i] + identifiable, s + " " + i);
            assertEquals(vols[i], ImpliedVolatility.impliedVolatility(types[i], prices[i], s.forward, strikes[i],
                    s.timeYears), 0.0);
        }
    }
}
