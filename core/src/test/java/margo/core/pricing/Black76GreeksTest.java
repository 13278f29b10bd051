package margo.core.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

/** Analytic greeks against central finite differences of the price functions. */
class Black76GreeksTest {

    private static final double FORWARD = 60_000;
    /** How far a computed price may be from the exact one, in ulps of the price (see roundingOfCentralDifference). */
    private static final int ULPS_PER_PRICE = 3;

    @Property(tries = 500)
    void greeksMatchCentralFiniteDifferencesOfThePrice(
            @ForAll OptionType type,
            @ForAll @Scale(12) @DoubleRange(min = -1.5, max = 1.5) double logMoneyness,
            @ForAll @Scale(12) @DoubleRange(min = 0.02, max = 3.0) double timeYears,
            @ForAll @Scale(12) @DoubleRange(min = 0.1, max = 2.0) double volatility) {
        double strike = FORWARD * Math.exp(-logMoneyness);
        double price = Black76.price(type, FORWARD, strike, timeYears, volatility);
        double wing = wingFactor(logMoneyness, volatility, timeYears);

        // A step small against the price's curvature scale F sigma sqrt(T) keeps the truncation error below 1e-8.
        double dF = 1e-4 * FORWARD * volatility * Math.sqrt(timeYears);
        double up = Black76.price(type, FORWARD + dF, strike, timeYears, volatility);
        double down = Black76.price(type, FORWARD - dF, strike, timeYears, volatility);
        assertEquals((up - down) / (2 * dF), Black76.delta(type, FORWARD, strike, timeYears, volatility), 1e-7);
        double gamma = Black76.gamma(type, FORWARD, strike, timeYears, volatility);
        // Rounding of the three prices limits the second difference to about ulp(price) / dF^2.
        assertEquals((up - 2 * price + down) / (dF * dF), gamma, 1e-5 * wing * Math.abs(gamma)
                + 64 * Math.ulp(price) / (dF * dF) + 1e-300); // subnormal gammas lose relative precision

        assertVegaAndThetaMatchDifferences(Black76::price, Black76::vega, Black76::theta, type, strike, timeYears,
                volatility, wing, 1e-6, 1e-4);
    }

    @Property(tries = 500)
    void coinGreeksMatchFiniteDifferencesOfTheCoinPrice(
            @ForAll OptionType type,
            @ForAll @Scale(12) @DoubleRange(min = -1.5, max = 1.5) double logMoneyness,
            @ForAll @Scale(12) @DoubleRange(min = 0.02, max = 3.0) double timeYears,
            @ForAll @Scale(12) @DoubleRange(min = 0.1, max = 2.0) double volatility) {
        double strike = FORWARD * Math.exp(-logMoneyness);
        double coin = Black76.priceInCoin(type, FORWARD, strike, timeYears, volatility);
        double wing = wingFactor(logMoneyness, volatility, timeYears);
        assertEquals(Black76.price(type, FORWARD, strike, timeYears, volatility) / FORWARD, coin, 1e-15);

        // A step small against the price's curvature scale F sigma sqrt(T) keeps the truncation error below 1e-8.
        // The coin price has the extra curvature of K/F, so the step is also capped at 1e-5 F.
        double dF = 1e-5 * FORWARD * Math.min(1.0, volatility * Math.sqrt(timeYears));
        double up = Black76.priceInCoin(type, FORWARD + dF, strike, timeYears, volatility);
        double down = Black76.priceInCoin(type, FORWARD - dF, strike, timeYears, volatility);
        double firstDerivative = (up - down) / (2 * dF);
        // The second difference needs a larger step to stay clear of rounding.
        double dF2 = 10 * dF;
        double secondDerivative = (Black76.priceInCoin(type, FORWARD + dF2, strike, timeYears, volatility) - 2 * coin
                + Black76.priceInCoin(type, FORWARD - dF2, strike, timeYears, volatility)) / (dF2 * dF2);
        // Deribit's coin delta is F dV_coin/dF.
        assertEquals(FORWARD * firstDerivative, Black76.deltaInCoin(type, FORWARD, strike, timeYears, volatility), 1e-7);
        // gammaInCoin = d(deltaInCoin)/dF = dV_coin/dF + F d2V_coin/dF2.
        double gammaInCoin = Black76.gammaInCoin(type, FORWARD, strike, timeYears, volatility);
        assertEquals(firstDerivative + FORWARD * secondDerivative, gammaInCoin,
                1e-5 * wing * Math.abs(gammaInCoin) + 64 * FORWARD * Math.ulp(coin) / (dF2 * dF2) + 1e-300);

        assertVegaAndThetaMatchDifferences(Black76::priceInCoin, Black76::vegaInCoin, Black76::thetaInCoin, type,
                strike, timeYears, volatility, wing, 1e-10, 1e-8);
    }

    @Example
    void deepInTheMoneyPutVegaByDifferencesIsOneUlpOfThePriceOverTheStep() {
        // 179,000 USD deep: the prices at vol +- 1e-5 differ by one ulp (2.9e-11 USD), so the difference reads
        // 1.46e-6 USD of vega where the true vega is 6.9e-8; the rounding bound, not a wider floor, covers it.
        double strike = FORWARD * Math.exp(1.381842);
        double timeYears = 1.068142;
        double volatility = 0.180985;
        double up = Black76.price(OptionType.PUT, FORWARD, strike, timeYears, volatility + 1e-5);
        double down = Black76.price(OptionType.PUT, FORWARD, strike, timeYears, volatility - 1e-5);
        double vega = Black76.vega(OptionType.PUT, FORWARD, strike, timeYears, volatility);
        assertEquals(Math.ulp(up), up - down);
        assertTrue(Math.abs((up - down) / 2e-5 - vega) > 1e-6, "more than the floor alone allows");
        assertVegaAndThetaMatchDifferences(Black76::price, Black76::vega, Black76::theta, OptionType.PUT, strike,
                timeYears, volatility, wingFactor(-1.381842, volatility, timeYears), 1e-6, 1e-4);
    }

    /** A price or greek with Black76's argument list. */
    @FunctionalInterface
    private interface Valuation {
        double value(OptionType type, double forward, double strike, double timeYears, double volatility);
    }

    /**
     * Vega (per 1.00 of vol) and theta (per year of calendar time, so minus the derivative in time to expiry)
     * against central differences of {@code price}, to 1e-6 and 1e-5 relative times the wing factor, plus floors
     * (in the price's unit: what a greek that small is worth), plus what rounding the two prices can put into the
     * difference ({@link #roundingOfCentralDifference}).
     */
    private static void assertVegaAndThetaMatchDifferences(Valuation price, Valuation vega, Valuation theta,
            OptionType type, double strike, double timeYears, double volatility, double wing, double vegaFloor,
            double thetaFloor) {
        double dSigma = 1e-5;
        double vegaUp = price.value(type, FORWARD, strike, timeYears, volatility + dSigma);
        double vegaDown = price.value(type, FORWARD, strike, timeYears, volatility - dSigma);
        double analyticVega = vega.value(type, FORWARD, strike, timeYears, volatility);
        assertEquals((vegaUp - vegaDown) / (2 * dSigma), analyticVega,
                1e-6 * wing * analyticVega + vegaFloor + roundingOfCentralDifference(vegaUp, vegaDown, dSigma), "vega");

        double dT = 1e-6;
        double thetaUp = price.value(type, FORWARD, strike, timeYears + dT, volatility);
        double thetaDown = price.value(type, FORWARD, strike, timeYears - dT, volatility);
        double analyticTheta = theta.value(type, FORWARD, strike, timeYears, volatility);
        assertEquals(-(thetaUp - thetaDown) / (2 * dT), analyticTheta,
                1e-5 * wing * Math.abs(analyticTheta) + thetaFloor + roundingOfCentralDifference(thetaUp, thetaDown, dT),
                "theta");
    }

    /**
     * The most that rounding of the two prices moves {@code (up - down) / (2 step)}. A price is the intrinsic value
     * plus the time value (the intrinsic value is the same in both and its rounding cancels); the sum rounds once,
     * the time value is good to about an ulp of itself, and the coin price rounds once more in its division by F:
     * each price within {@value #ULPS_PER_PRICE} ulps, so their difference within twice that. Deep in the money,
     * where vega and theta vanish, this is all a difference measures: a put 200,000 USD deep has an ulp of
     * 2.9e-11 USD, which a step of 1e-5 in vol turns into 1.5e-6 USD of "vega".
     */
    private static double roundingOfCentralDifference(double up, double down, double step) {
        return 2 * ULPS_PER_PRICE * Math.ulp(Math.max(Math.abs(up), Math.abs(down))) / (2 * step);
    }

    /**
     * 1 + d1^2: in the wings the density varies on a scale (F s)/|d1| rather than F s, so the truncation error of a
     * finite difference grows like d1^2 relative to the greek.
     */
    private static double wingFactor(double logMoneyness, double volatility, double timeYears) {
        double s = volatility * Math.sqrt(timeYears);
        double d1 = logMoneyness / s + s / 2;
        return 1 + d1 * d1;
    }

    @Property(tries = 200)
    void deribitCoinDeltaIsBlackDeltaMinusCoinPremium(
            @ForAll OptionType type,
            @ForAll @Scale(12) @DoubleRange(min = 20_000, max = 150_000) double strike,
            @ForAll @Scale(12) @DoubleRange(min = 0.01, max = 2.0) double timeYears,
            @ForAll @Scale(12) @DoubleRange(min = 0.2, max = 1.5) double volatility) {
        double premiumInCoin = Black76.priceInCoin(type, FORWARD, strike, timeYears, volatility);
        double expected = Black76.delta(type, FORWARD, strike, timeYears, volatility) - premiumInCoin;
        assertEquals(expected, Black76.deltaInCoin(type, FORWARD, strike, timeYears, volatility), 1e-15);
    }
}
