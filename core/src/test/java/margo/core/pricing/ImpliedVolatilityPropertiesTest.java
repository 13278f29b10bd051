package margo.core.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

/**
 * Round trips price(sigma) -&gt; implied volatility -&gt; sigma, and the no-arbitrage shape of the Black price.
 *
 * <p>Expiries, volatilities and forwards are drawn log-uniformly (1 hour to 5 years, 1% to 500%, 1 to 1e6 USD) and
 * the strike is placed {@code z} standard deviations from the forward, {@code ln(F/K) = z sigma sqrt(T)}.
 */
class ImpliedVolatilityPropertiesTest {

    /** One option's market: forward and strike in USD, time in years, volatility as a decimal. */
    record Market(double forward, double strike, double timeYears, double volatility) {

        double totalVolatility() {
            return volatility * Math.sqrt(timeYears);
        }

        OptionType outOfTheMoneyType() {
            return strike >= forward ? OptionType.CALL : OptionType.PUT;
        }

        double price(OptionType type) {
            return Black76.price(type, forward, strike, timeYears, volatility);
        }

        double impliedVolatility(OptionType type, double price) {
            return ImpliedVolatility.impliedVolatility(type, price, forward, strike, timeYears);
        }

        double intrinsic(OptionType type) {
            return Math.max(type.sign() * (forward - strike), 0);
        }

        double upperBound(OptionType type) {
            return type == OptionType.CALL ? forward : strike;
        }
    }

    @Provide
    Arbitrary<Market> withinFiveStandardDeviations() {
        return markets(Arbitraries.doubles().between(-5, 5).ofScale(12), logUniform(1, 1e6));
    }

    @Provide
    Arbitrary<Market> farWings() {
        Arbitrary<Double> z = Arbitraries.doubles().between(5, 38).ofScale(12);
        return markets(Arbitraries.oneOf(z, z.map(d -> -d)), Arbitraries.just(60_000.0));
    }

    private static Arbitrary<Market> markets(Arbitrary<Double> standardDeviations, Arbitrary<Double> forwards) {
        return Combinators.combine(standardDeviations, logUniform(1.0 / 8760, 5), logUniform(0.01, 5), forwards)
                .as((z, timeYears, volatility, forward) -> new Market(forward,
                        forward * Math.exp(-z * volatility * Math.sqrt(timeYears)), timeYears, volatility));
    }

    private static Arbitrary<Double> logUniform(double low, double high) {
        return Arbitraries.doubles().between(0, 1).ofScale(12)
                .map(u -> Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low))));
    }

    @Property(tries = 3000)
    void outOfTheMoneyRoundTripIsAccurateToMachinePrecision(@ForAll("withinFiveStandardDeviations") Market m) {
        // Below s = 3 (e.g. 100% vol for 9 years, 300% for 1 year) the price is far enough from its upper bound that
        // the inversion is as good as the price: ~1e-15 relative; the bound 4e-14 leaves room for rounding.
        Assume.that(m.totalVolatility() <= 3);
        OptionType type = m.outOfTheMoneyType();
        assertEquals(m.volatility(), m.impliedVolatility(type, m.price(type)), 4e-14 * m.volatility());
    }

    @Property(tries = 3000)
    void roundTripErrorIsBoundedByTheConditioningOfThePrice(@ForAll OptionType type,
            @ForAll("withinFiveStandardDeviations") Market m) {
        double price = m.price(type);
        // Identifiable: the price is strictly between its bounds in double precision.
        Assume.that(price > m.intrinsic(type) && price < m.upperBound(type));
        double implied = m.impliedVolatility(type, price);
        assertFalse(Double.isNaN(implied), "NaN for an identifiable price " + price);
        // One ulp of price moves the volatility by ulp/vega: that, not the algorithm, limits deep in-the-money
        // options (price mostly intrinsic) and near the upper bound (huge total volatility).
        double vega = Black76.vega(type, m.forward(), m.strike(), m.timeYears(), m.volatility());
        assertEquals(m.volatility(), implied, 1e-14 * m.volatility() + 16 * Math.ulp(price) / vega);
    }

    @Property(tries = 3000)
    void farWingRoundTripKeepsRelativeAccuracyDownToTinyPrices(@ForAll("farWings") Market m) {
        Assume.that(m.totalVolatility() <= 3);
        OptionType type = m.outOfTheMoneyType();
        double price = m.price(type);
        // Identifiability ends where the price leaves the normal doubles: below ~1e-300 it is subnormal or zero.
        Assume.that(price > 1e-300 && price / Math.sqrt(m.forward() * m.strike()) > 1e-300);
        assertEquals(m.volatility(), m.impliedVolatility(type, price), 4e-14 * m.volatility());
    }

    @Property(tries = 1000)
    void putCallParityHolds(@ForAll("withinFiveStandardDeviations") Market m) {
        double parity = m.price(OptionType.CALL) - m.price(OptionType.PUT);
        assertEquals(m.forward() - m.strike(), parity, 4 * Math.ulp(Math.max(m.forward(), m.strike())));
    }

    @Property(tries = 1000)
    void priceIsWithinNoArbitrageBoundsAndIncreasingInVolatility(@ForAll OptionType type,
            @ForAll("withinFiveStandardDeviations") Market m,
            @ForAll @Scale(12) @DoubleRange(min = 1.0001, max = 2) double volatilityRatio) {
        double price = m.price(type);
        assertTrue(price >= m.intrinsic(type) && price <= m.upperBound(type), "price " + price);
        double higher = Black76.price(type, m.forward(), m.strike(), m.timeYears(), m.volatility() * volatilityRatio);
        assertTrue(higher >= price, "price must not fall when volatility rises: " + price + " -> " + higher);
    }

    @Property(tries = 500)
    void impliedVolatilityIsDefinedExactlyWhenThePriceIsInsideTheBounds(@ForAll OptionType type,
            @ForAll @Scale(12) @DoubleRange(min = -2, max = 2) double priceOverTimeValue,
            @ForAll @Scale(12) @DoubleRange(min = 20_000, max = 120_000) double strike,
            @ForAll @Scale(12) @DoubleRange(min = 0.001, max = 3) double timeYears) {
        Market m = new Market(60_000, strike, timeYears, Double.NaN);
        double price = m.intrinsic(type) + priceOverTimeValue * (m.upperBound(type) - m.intrinsic(type));
        double implied = m.impliedVolatility(type, price);
        ImpliedVolatility.Undefined reason = ImpliedVolatility.whyUndefined(type, price, m.forward(), strike,
                timeYears);
        if (price < m.intrinsic(type)) {
            assertEquals(ImpliedVolatility.Undefined.PRICE_BELOW_INTRINSIC, reason);
        } else if (price >= m.upperBound(type)) {
            assertEquals(ImpliedVolatility.Undefined.PRICE_AT_OR_ABOVE_UPPER_BOUND, reason);
        } else {
            assertNull(reason);
            assertTrue(implied >= 0);
        }
        assertEquals(reason != null, Double.isNaN(implied));
    }
}
