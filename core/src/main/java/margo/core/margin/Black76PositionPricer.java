package margo.core.margin;

import margo.core.market.InstrumentName;
import margo.core.pricing.Black76;
import margo.core.pricing.OptionType;

/**
 * Prices positions off a {@link MarketSnapshot}: options by Black-76 at the snapshot's forward and mark implied
 * volatility (Deribit marks its options this way: mark price = Black price at mark IV on the expiry's forward;
 * support.deribit.com "Mark price"), delta-one instruments at their forward. Inverse options are priced in coin,
 * {@code V/F} ({@link Black76#priceInCoin}).
 *
 * <p>An option whose mark price the data gives is worth exactly that mark in the current market, not Black-76 at its
 * mark IV, which the venue rounds (Deribit to 0.01%): the mark IV then only moves it, a scenario's value being the
 * mark plus the Black-76 change from the current market to the scenario's.
 *
 * @param market the market data
 */
public record Black76PositionPricer(MarketSnapshot market) implements PositionPricer {

    public Black76PositionPricer {
        if (market == null) {
            throw new IllegalArgumentException("market must not be null");
        }
    }

    @Override
    public String coin() {
        return market.coin();
    }

    @Override
    public double indexPrice() {
        return market.indexPrice();
    }

    @Override
    public double forward(InstrumentName instrument) {
        return market.forward(instrument);
    }

    @Override
    public double markVolatility(InstrumentName.Option option) {
        return market.markVolatility(option);
    }

    @Override
    public double timeToExpiry(InstrumentName instrument) {
        return market.timeToExpiry(instrument);
    }

    @Override
    public String whyNotPriceable(InstrumentName instrument) {
        return market.whyNotPriceable(instrument);
    }

    @Override
    public double unitValue(InstrumentName instrument, double priceMove, double volatilityShift) {
        return valuer(instrument).value(priceMove, volatilityShift);
    }

    /**
     * Analytic {@code dV/d ln F}: {@link Black76#deltaInCoin} for inverse options, {@code F x} {@link Black76#delta}
     * for linear ones; {@code 1/F} coin per USD for inverse futures, {@code F} for linear ones.
     */
    @Override
    public double moveDelta(InstrumentName instrument, double priceMove, double volatilityShift) {
        return valuer(instrument).moveDelta(priceMove, volatilityShift);
    }

    /** The instrument's forward, mark IV and time to expiry looked up once. */
    @Override
    public InstrumentValuer valuer(InstrumentName instrument) {
        boolean inverse = Settlement.of(instrument) == Settlement.INVERSE;
        double forward = market.forward(instrument);
        if (instrument instanceof InstrumentName.Option option) {
            double volatility = market.markVolatility(option);
            double time = market.timeToExpiry(option);
            double markUsd = market.markPrice(option);
            double offset = Double.isNaN(markUsd) ? 0.0 : (inverse ? markUsd / forward : markUsd)
                    - optionValue(option.type(), forward, option.strike(), time, volatility, inverse);
            return new OptionValuer(option, forward, volatility, time, inverse, offset);
        }
        return new DeltaOneValuer(forward, market.timeToExpiry(instrument), inverse);
    }

    /**
     * Black-76 on the moved forward and shifted (floored at zero) volatility, coin for inverse options, plus the
     * {@code markOffset}: the data's mark less Black-76 at the current market (0 without a mark price).
     */
    private record OptionValuer(InstrumentName.Option option, double forward, double markVolatility,
                                double timeToExpiry, boolean inverse, double markOffset) implements InstrumentValuer {
        @Override
        public boolean isOption() {
            return true;
        }

        @Override
        public double value(double priceMove, double volatilityShift) {
            return evaluate(priceMove, volatilityShift, false);
        }

        @Override
        public double moveDelta(double priceMove, double volatilityShift) {
            return evaluate(priceMove, volatilityShift, true);
        }

        private double evaluate(double priceMove, double volatilityShift, boolean delta) {
            double f = forward * (1 + priceMove);
            double volatility = Math.max(0.0, markVolatility + volatilityShift);
            OptionType type = option.type();
            if (delta) {
                return inverse
                        ? Black76.deltaInCoin(type, f, option.strike(), timeToExpiry, volatility)
                        : f * Black76.delta(type, f, option.strike(), timeToExpiry, volatility);
            }
            return optionValue(type, f, option.strike(), timeToExpiry, volatility, inverse) + markOffset;
        }
    }

    /**
     * One option's Black-76 value in its settlement currency: USD for a linear option, coin ({@code V/F}) for an
     * inverse one. Every pricer values options by it at the volatility it reads: the mark IV here, a model's smile in
     * {@link ModelPositionPricer}, the unshocked mark in {@link ScenarioGrid}.
     */
    static double optionValue(OptionType type, double forward, double strike, double timeYears, double volatility,
            boolean inverse) {
        return inverse
                ? Black76.priceInCoin(type, forward, strike, timeYears, volatility)
                : Black76.price(type, forward, strike, timeYears, volatility);
    }

    /** {@code -1/F'} coin per USD of inverse notional (slope {@code 1/F'}); {@code F'} USD per coin for linear. */
    private record DeltaOneValuer(double forward, double timeToExpiry, boolean inverse) implements InstrumentValuer {
        @Override
        public boolean isOption() {
            return false;
        }

        @Override
        public double markVolatility() {
            return Double.NaN;
        }

        @Override
        public double value(double priceMove, double volatilityShift) {
            double f = forward * (1 + priceMove);
            return inverse ? -1.0 / f : f;
        }

        @Override
        public double moveDelta(double priceMove, double volatilityShift) {
            double f = forward * (1 + priceMove);
            return inverse ? 1.0 / f : f;
        }
    }
}
