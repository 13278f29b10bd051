package margo.core.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

/**
 * Round trips price(sigma) -&gt; implied volatility -&gt; sigma, and the no-arbitrage shape of the Black price.
 *
 * <p>Expiries, volatilities and forwards are drawn log-uniformly (1 hour to 5 years, 1% to 500%, 1 to 1e6 USD) and
 * the strike is placed {@code z} standard deviations from the forward, {@code ln(F/K) = z sigma sqrt(T)}.
 */
class ImpliedVolatilityPropertiesTest {

    private static final double ONE_HOUR = 1.0 / 8760;

    private static double logUniform(double unit, double low, double high) {
        return Math.exp(Math.log(low) + unit * (Math.log(high) - Math.log(low)));
    }

    @Property(tries = 3000)
    void outOfTheMoneyRoundTripIsAccurateToMachinePrecision(
            @ForAll @Scale(12) @DoubleRange(min = -5, max = 5) double z,
            @ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double timeUnit,
            @ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double volatilityUnit,
            @ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double forwardUnit) {
        double timeYears = logUniform(timeUnit, ONE_HOUR, 5);
        double volatility = logUniform(volatilityUnit, 0.01, 5);
        double forward = logUniform(forwardUnit, 1, 1e6);
        double s = volatility * Math.sqrt(timeYears);
        // Below s = 3 (e.g. 100% vol for 9 years, 300% for 1 year) the price is far enough from its upper bound that
        // the inversion is as good as the price: ~1e-15 relative; the bound 4e-14 leaves room for rounding.
        Assume.that(s <= 3);
        double strike = forward * Math.exp(-z * s);
        OptionType outOfTheMoney = strike >= forward ? OptionType.CALL : OptionType.PUT;
        double price = Black76.price(outOfTheMoney, forward, strike, timeYears, volatility);
        double implied = ImpliedVolatility.impliedVolatility(outOfTheMoney, price, forward, strike, timeYears);
        assertEquals(volatility, implied, 4e-14 * volatility);
    }

    @Property(tries = 3000)
    void roundTripErrorIsBoundedByTheConditioningOfThePrice(
            @ForAll OptionType type,
            @ForAll @Scale(12) @DoubleRange(min = -5, max = 5) double z,
            @ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double timeUnit,
            @ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double volatilityUnit,
            @ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double forwardUnit) {
        double timeYears = logUniform(timeUnit, ONE_HOUR, 5);
        double volatility = logUniform(volatilityUnit, 0.01, 5);
        double forward = logUniform(forwardUnit, 1, 1e6);
        double s = volatility * Math.sqrt(timeYears);
        double strike = forward * Math.exp(-z * s);
        double price = Black76.price(type, forward, strike, timeYears, volatility);
        double bound = type == OptionType.CALL ? forward : strike;
        double intrinsic = Math.max(type.sign() * (forward - strike), 0);
        // Identifiable: the price is strictly between its bounds in double precision.
        Assume.that(price > intrinsic && price < bound);
        double implied = ImpliedVolatility.impliedVolatility(type, price, forward, strike, timeYears);
        assertFalse(Double.isNaN(implied), "NaN for an identifiable price " + price);
        // One ulp of price moves the volatility by ulp/vega: that, not the algorithm, limits deep in-the-money
        // options (price mostly intrinsic) and near the upper bound (huge total volatility).
        double vega = Black76.vega(type, forward, strike, timeYears, volatility);
        double tolerance = 1e-14 * volatility + 16 * Math.ulp(price) / vega;
        assertEquals(volatility, implied, tolerance);
    }

    @Property(tries = 3000)
    void farWingRoundTripKeepsRelativeAccuracyDownToTinyPrices(
            @ForAll @Scale(12) @DoubleRange(min = 5, max = 38) double standardDeviations,
            @ForAll boolean aboveTheForward,
            @ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double timeUnit,
            @ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double volatilityUnit) {
        double timeYears = logUniform(timeUnit, ONE_HOUR, 5);
        double volatility = logUniform(volatilityUnit, 0.01, 5);
        double forward = 60_000;
        double s = volatility * Math.sqrt(timeYears);
        Assume.that(s <= 3);
        double z = aboveTheForward ? -standardDeviations : standardDeviations;
        double strike = forward * Math.exp(-z * s);
        OptionType outOfTheMoney = aboveTheForward ? OptionType.CALL : OptionType.PUT;
        double price = Black76.price(outOfTheMoney, forward, strike, timeYears, volatility);
        // Identifiability ends where the price leaves the normal doubles: below ~1e-300 it is subnormal or zero.
        Assume.that(price > 1e-300 && price / Math.sqrt(forward * strike) > 1e-300);
        double implied = ImpliedVolatility.impliedVolatility(outOfTheMoney, price, forward, strike, timeYears);
        assertEquals(volatility, implied, 4e-14 * volatility);
    }

    @Property(tries = 1000)
    void putCallParityHolds(
            @ForAll @Scale(12) @DoubleRange(min = -5, max = 5) double z,
            @ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double timeUnit,
            @ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double volatilityUnit) {
        double timeYears = logUniform(timeUnit, ONE_HOUR, 5);
        double volatility = logUniform(volatilityUnit, 0.01, 5);
        double forward = 60_000;
        double strike = forward * Math.exp(-z * volatility * Math.sqrt(timeYears));
        double call = Black76.price(OptionType.CALL, forward, strike, timeYears, volatility);
        double put = Black76.price(OptionType.PUT, forward, strike, timeYears, volatility);
        assertEquals(forward - strike, call - put, 4 * Math.ulp(Math.max(forward, strike)));
    }

    @Property(tries = 1000)
    void priceIsWithinNoArbitrageBoundsAndIncreasingInVolatility(
            @ForAll OptionType type,
            @ForAll @Scale(12) @DoubleRange(min = -5, max = 5) double z,
            @ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double timeUnit,
            @ForAll @Scale(12) @DoubleRange(min = 0, max = 1) double volatilityUnit,
            @ForAll @Scale(12) @DoubleRange(min = 1.0001, max = 2) double volatilityRatio) {
        double timeYears = logUniform(timeUnit, ONE_HOUR, 5);
        double volatility = logUniform(volatilityUnit, 0.01, 5);
        double forward = 60_000;
        double strike = forward * Math.exp(-z * volatility * Math.sqrt(timeYears));
        double price = Black76.price(type, forward, strike, timeYears, volatility);
        double intrinsic = Math.max(type.sign() * (forward - strike), 0);
        double bound = type == OptionType.CALL ? forward : strike;
        assertTrue(price >= intrinsic && price <= bound, "price " + price);
        double higher = Black76.price(type, forward, strike, timeYears, volatility * volatilityRatio);
        assertTrue(higher >= price, "price must not fall when volatility rises: " + price + " -> " + higher);
    }

    @Property(tries = 500)
    void impliedVolatilityIsDefinedExactlyWhenThePriceIsInsideTheBounds(
            @ForAll OptionType type,
            @ForAll @Scale(12) @DoubleRange(min = -2, max = 2) double priceOverTimeValue,
            @ForAll @Scale(12) @DoubleRange(min = 20_000, max = 120_000) double strike,
            @ForAll @Scale(12) @DoubleRange(min = 0.001, max = 3) double timeYears) {
        double forward = 60_000;
        double intrinsic = Math.max(type.sign() * (forward - strike), 0);
        double bound = type == OptionType.CALL ? forward : strike;
        double price = intrinsic + priceOverTimeValue * (bound - intrinsic);
        double implied = ImpliedVolatility.impliedVolatility(type, price, forward, strike, timeYears);
        ImpliedVolatility.Undefined reason = ImpliedVolatility.whyUndefined(type, price, forward, strike, timeYears);
        if (price < intrinsic) {
            assertEquals(ImpliedVolatility.Undefined.PRICE_BELOW_INTRINSIC, reason);
        } else if (price >= bound) {
            assertEquals(ImpliedVolatility.Undefined.PRICE_AT_OR_ABOVE_UPPER_BOUND, reason);
        } else {
            assertNull(reason);
            assertTrue(implied >= 0);
        }
        assertEquals(reason != null, Double.isNaN(implied));
    }
}
