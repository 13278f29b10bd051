package margo.core.pricing;

import static margo.core.pricing.OptionType.CALL;
import static margo.core.pricing.OptionType.PUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Black76Test {

    @Test
    void haugBlack76ExampleMatchesWhenDiscounted() {
        // Haug, The Complete Guide to Option Pricing Formulas, 2nd ed., section 1.1.4 (Black-76): F = 19, K = 19,
        // T = 0.75, r = 0.10, sigma = 0.28 gives call = put = 1.7011 (discounted by exp(-rT)).
        double discount = Math.exp(-0.10 * 0.75);
        assertEquals(1.7011, discount * Black76.price(PUT, 19, 19, 0.75, 0.28), 5e-5);
        assertEquals(1.7011, discount * Black76.price(CALL, 19, 19, 0.75, 0.28), 5e-5);
    }

    @Test
    void hullCrudeOilFuturesPutMatchesWhenDiscounted() {
        // Hull, Options, Futures and Other Derivatives, chapter "Futures options", Black's model example:
        // crude oil futures put, F0 = K = 20, r = 9%, T = 4 months, sigma = 25% -> 1.12 (quoted to the cent).
        double discount = Math.exp(-0.09 * 4.0 / 12.0);
        assertEquals(1.12, discount * Black76.price(PUT, 20, 20, 4.0 / 12.0, 0.25), 5e-3);
    }

    @Test
    void atTheMoneyCallMatchesBrennerSubrahmanyamApproximation() {
        // Brenner and Subrahmanyam (1988): at the money C = F sigma sqrt(T) / sqrt(2 pi) (1 - s^2/24 + O(s^4)).
        double forward = 60_000;
        for (double s : new double[] {1e-6, 1e-3, 0.01, 0.1}) {
            double approximation = forward * s / Math.sqrt(2 * Math.PI);
            double price = Black76.price(CALL, forward, forward, 1.0, s);
            assertEquals(approximation * (1 - s * s / 24), price, approximation * s * s * s * s / 100 + 1e-12 * price);
        }
    }

    @Test
    void putCallParityHoldsForTheForward() {
        double[] strikes = {20_000, 55_000, 60_000, 65_000, 200_000};
        for (double strike : strikes) {
            double call = Black76.price(CALL, 60_000, strike, 0.25, 0.7);
            double put = Black76.price(PUT, 60_000, strike, 0.25, 0.7);
            assertEquals(60_000 - strike, call - put, 1e-10 * 60_000);
        }
    }

    @Test
    void zeroTimeOrZeroVolatilityGivesIntrinsicValue() {
        assertEquals(5_000, Black76.price(CALL, 65_000, 60_000, 0.0, 0.8));
        assertEquals(0.0, Black76.price(PUT, 65_000, 60_000, 0.0, 0.8));
        assertEquals(5_000, Black76.price(PUT, 55_000, 60_000, 0.5, 0.0));
        assertEquals(0.0, Black76.price(CALL, 55_000, 60_000, 0.5, 0.0));
        assertEquals(1.0, Black76.delta(CALL, 65_000, 60_000, 0.0, 0.8));
        assertEquals(-1.0, Black76.delta(PUT, 55_000, 60_000, 0.0, 0.8));
        assertEquals(0.5, Black76.delta(CALL, 60_000, 60_000, 0.0, 0.8));
        assertEquals(0.0, Black76.gamma(CALL, 65_000, 60_000, 0.0, 0.8));
        assertTrue(Double.isNaN(Black76.gamma(CALL, 60_000, 60_000, 0.0, 0.8)), "gamma at the strike at expiry");
        assertEquals(0.0, Black76.vega(CALL, 65_000, 60_000, 0.0, 0.8));
        assertEquals(0.0, Black76.theta(CALL, 65_000, 60_000, 0.0, 0.8));
        assertTrue(Double.isNaN(Black76.theta(CALL, 60_000, 60_000, 0.0, 0.8)), "theta at the strike at expiry");
    }

    @Test
    void invalidInputsGiveNaNWithoutThrowing() {
        double[][] bad = {
                {-1, 100, 1, 0.5}, {100, -1, 1, 0.5}, {0, 100, 1, 0.5}, {100, 0, 1, 0.5}, {100, 100, -1, 0.5},
                {100, 100, 1, -0.5}, {Double.NaN, 100, 1, 0.5}, {100, Double.NaN, 1, 0.5}, {100, 100, Double.NaN, 0.5},
                {100, 100, 1, Double.NaN}, {Double.POSITIVE_INFINITY, 100, 1, 0.5}};
        for (double[] b : bad) {
            for (OptionType type : OptionType.values()) {
                assertTrue(Double.isNaN(Black76.price(type, b[0], b[1], b[2], b[3])), "price " + java.util.Arrays.toString(b));
                assertTrue(Double.isNaN(Black76.delta(type, b[0], b[1], b[2], b[3])));
                assertTrue(Double.isNaN(Black76.gamma(type, b[0], b[1], b[2], b[3])));
                assertTrue(Double.isNaN(Black76.vega(type, b[0], b[1], b[2], b[3])));
                assertTrue(Double.isNaN(Black76.theta(type, b[0], b[1], b[2], b[3])));
                assertTrue(Double.isNaN(Black76.priceInCoin(type, b[0], b[1], b[2], b[3])));
                assertTrue(Double.isNaN(Black76.deltaInCoin(type, b[0], b[1], b[2], b[3])));
            }
        }
    }

    @Test
    void farOutOfTheMoneyPricesKeepFullRelativeAccuracy() {
        // 50-digit values from mpmath, reference/black76_wings_mpmath.py; F N(d1) - K N(d2) in doubles would return
        // 0 or noise of order 1e-12 for all of these.
        Object[][] cases = {
                {CALL, 60000.0, 90000.0, 7.0 / 365, 0.25, 1.1922598797672061021e-29},
                {PUT, 60000.0, 20000.0, 30.0 / 365, 0.40, 1.9652435075869374457e-19},
                {CALL, 60000.0, 61000.0, 1.0 / 8760, 0.05, 1.7413573745850287466e-210},
                {PUT, 2500.0, 1000.0, 0.25, 0.30, 1.853328461199483935e-8}};
        for (Object[] c : cases) {
            double expected = (double) c[5];
            double price = Black76.price((OptionType) c[0], (double) c[1], (double) c[2], (double) c[3], (double) c[4]);
            // The rounding of s = sigma sqrt(T) (a few ulp) is amplified by h^2 = (ln(F/K)/s)^2 in exp(-h^2/2):
            // that conditioning, not the algorithm, bounds the attainable relative accuracy.
            double h = Math.log((double) c[1] / (double) c[2]) / ((double) c[4] * Math.sqrt((double) c[3]));
            assertEquals(expected, price, 4 * Math.ulp(1.0) * (1 + h * h) * expected, () -> java.util.Arrays.toString(c));
        }
    }
}
