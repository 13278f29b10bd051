package margo.core.pricing;

import static margo.core.pricing.OptionType.CALL;
import static margo.core.pricing.OptionType.PUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class ImpliedVolatilityTest {

    private static final double F = 60_000;

    @Test
    void atTheMoneyInversionMatchesTheClosedForm() {
        // At the money b = 2 Phi(s/2) - 1 (Jaeckel, "Let's be rational", eq. 2.1 at x = 0), so
        // s = 2 Phi^-1((1 + beta)/2) = 2 sqrt2 erfinv(beta): an independent closed form via Commons Math.
        for (double beta : new double[] {1e-8, 1e-4, 0.01, 0.2, 0.5, 0.9}) {
            double timeYears = 0.5;
            double expected = 2 * Math.sqrt(2) * Erf.erfInv(beta) / Math.sqrt(timeYears);
            double actual = ImpliedVolatility.impliedVolatility(CALL, beta * F, F, F, timeYears);
            assertEquals(expected, actual, 1e-13 * expected, "beta " + beta);
        }
    }

    @Test
    void smallAtTheMoneyPriceInvertsLikeBrennerSubrahmanyam() {
        // Brenner and Subrahmanyam (1988): sigma ~ sqrt(2 pi / T) C / F for a short-dated at-the-money option.
        double price = 12.5;
        double timeYears = 1.0 / 365;
        double approximation = Math.sqrt(2 * Math.PI / timeYears) * price / F;
        double actual = ImpliedVolatility.impliedVolatility(PUT, price, F, F, timeYears);
        assertEquals(approximation, actual, 1e-4 * approximation);
    }

    @Test
    void deribitStyleQuoteInvertsFromCoinPrice() {
        // A BTC call quoted at 0.0425 BTC with the future at 61,250 USD: the IV is that of 0.0425 * 61,250 USD.
        double coinPrice = 0.0425;
        double forward = 61_250;
        double iv = ImpliedVolatility.impliedVolatilityFromCoinPrice(CALL, coinPrice, forward, 65_000, 30.0 / 365);
        assertEquals(ImpliedVolatility.impliedVolatility(CALL, coinPrice * forward, forward, 65_000, 30.0 / 365), iv);
        assertEquals(coinPrice, Black76.priceInCoin(CALL, forward, 65_000, 30.0 / 365, iv), 1e-15);
        // A put premium of 1.2 BTC is worth more than the 65,000 USD strike: no volatility.
        assertEquals(ImpliedVolatility.Undefined.PRICE_AT_OR_ABOVE_UPPER_BOUND,
                ImpliedVolatility.whyUndefinedFromCoinPrice(PUT, 1.2, forward, 65_000, 30.0 / 365));
        assertNull(ImpliedVolatility.whyUndefinedFromCoinPrice(CALL, coinPrice, forward, 65_000, 30.0 / 365));
    }

    @Test
    void priceAtIntrinsicValueHasZeroVolatility() {
        assertEquals(0.0, ImpliedVolatility.impliedVolatility(CALL, 5_000, 65_000, 60_000, 0.5));
        assertEquals(0.0, ImpliedVolatility.impliedVolatility(PUT, 0.0, 65_000, 60_000, 0.5));
        assertNull(ImpliedVolatility.whyUndefined(PUT, 0.0, 65_000, 60_000, 0.5));
    }

    @Test
    void impliedVolatilityIsNaNWithReasonBelowIntrinsic() {
        assertUndefined(ImpliedVolatility.Undefined.PRICE_BELOW_INTRINSIC, CALL, 4_999.0, 65_000, 60_000, 0.5);
        assertUndefined(ImpliedVolatility.Undefined.PRICE_BELOW_INTRINSIC, PUT, -0.01, 65_000, 60_000, 0.5);
        String message = ImpliedVolatility.Undefined.PRICE_BELOW_INTRINSIC.explain(CALL, 0.0123, 1.015, 1.0, 0.5);
        assertEquals("call price 0.0123 is below intrinsic value 0.015 (forward 1.015, strike 1)", message);
    }

    @Test
    void impliedVolatilityIsNaNWithReasonAtOrAboveUpperBound() {
        assertUndefined(ImpliedVolatility.Undefined.PRICE_AT_OR_ABOVE_UPPER_BOUND, CALL, F, F, 50_000, 0.5);
        assertUndefined(ImpliedVolatility.Undefined.PRICE_AT_OR_ABOVE_UPPER_BOUND, PUT, 50_000, F, 50_000, 0.5);
        assertUndefined(ImpliedVolatility.Undefined.PRICE_AT_OR_ABOVE_UPPER_BOUND, PUT, 70_000, F, 50_000, 0.5);
        assertTrue(ImpliedVolatility.Undefined.PRICE_AT_OR_ABOVE_UPPER_BOUND.explain(PUT, 70_000, F, 50_000, 0.5)
                .contains("upper bound 50000 (the strike)"));
    }

    @Test
    void impliedVolatilityIsNaNWithReasonForNonPositiveTimeForwardOrStrike() {
        assertUndefined(ImpliedVolatility.Undefined.NON_POSITIVE_TIME, CALL, 100, F, F, 0.0);
        assertUndefined(ImpliedVolatility.Undefined.NON_POSITIVE_TIME, CALL, 100, F, F, -0.1);
        assertUndefined(ImpliedVolatility.Undefined.NON_POSITIVE_FORWARD_OR_STRIKE, CALL, 100, 0.0, F, 0.5);
        assertUndefined(ImpliedVolatility.Undefined.NON_POSITIVE_FORWARD_OR_STRIKE, PUT, 100, F, -5, 0.5);
    }

    @Test
    void impliedVolatilityIsNaNWithReasonForNotANumber() {
        assertUndefined(ImpliedVolatility.Undefined.NOT_A_NUMBER, CALL, Double.NaN, F, F, 0.5);
        assertUndefined(ImpliedVolatility.Undefined.NOT_A_NUMBER, CALL, 100, Double.NaN, F, 0.5);
        assertUndefined(ImpliedVolatility.Undefined.NOT_A_NUMBER, CALL, 100, F, Double.POSITIVE_INFINITY, 0.5);
        assertUndefined(ImpliedVolatility.Undefined.NOT_A_NUMBER, PUT, 100, F, F, Double.NaN);
    }

    @Test
    void inTheMoneyPriceWhoseTimeValueIsBelowRoundingHasZeroVolatility() {
        // A 1-hour call 40% in the money at 20% vol: the time value (~1e-300 USD) is far below ulp(intrinsic), so
        // the price is exactly intrinsic value, which is zero volatility; one ulp more is a positive volatility.
        double strike = 36_000;
        double price = Black76.price(CALL, F, strike, 1.0 / 8760, 0.2);
        assertEquals(F - strike, price);
        assertEquals(0.0, ImpliedVolatility.impliedVolatility(CALL, price, F, strike, 1.0 / 8760));
        assertTrue(ImpliedVolatility.impliedVolatility(CALL, Math.nextUp(price), F, strike, 1.0 / 8760) > 0.0);
    }

    @Test
    void priceOneUlpBelowTheUpperBoundIsNotIdentifiableWhenNormalisationRoundsOntoIt() {
        // A put struck at 1 USD with the forward at 60,000 priced one ulp below its bound K = 1: after dividing by
        // sqrt(F K) the normalised price rounds up to the normalised bound sqrt(K / F).
        assertUndefined(ImpliedVolatility.Undefined.NOT_IDENTIFIABLE, PUT, Math.nextDown(1.0), F, 1.0, 1.0);
    }

    @Test
    void chainInversionMatchesElementByElementAndRejectsMismatchedArrays() {
        OptionType[] types = {CALL, PUT, CALL, PUT};
        double[] forwards = {F, F, 3_000, 3_000};
        double[] strikes = {65_000, 55_000, 2_500, 3_500};
        double[] times = {7.0 / 365, 30.0 / 365, 0.25, 1.0};
        double[] vols = {0.55, 0.62, 0.8, 0.7};
        double[] prices = new double[4];
        for (int i = 0; i < 4; i++) {
            prices[i] = Black76.price(types[i], forwards[i], strikes[i], times[i], vols[i]);
        }
        prices[3] = -1.0;
        double[] out = new double[4];
        ImpliedVolatility.impliedVolatilities(types, prices, forwards, strikes, times, out);
        for (int i = 0; i < 3; i++) {
            assertEquals(vols[i], out[i], 1e-14 * vols[i]);
        }
        assertTrue(Double.isNaN(out[3]));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ImpliedVolatility.impliedVolatilities(types, prices, forwards, new double[3], times, out));
        assertEquals("strikes has 3 elements but types has 4", error.getMessage());
    }

    private static void assertUndefined(ImpliedVolatility.Undefined expected, OptionType type, double price,
            double forward, double strike, double timeYears) {
        assertTrue(Double.isNaN(ImpliedVolatility.impliedVolatility(type, price, forward, strike, timeYears)));
        assertEquals(expected, ImpliedVolatility.whyUndefined(type, price, forward, strike, timeYears));
    }
}
