package margo.core.margin;

import margo.core.market.InstrumentName;
import margo.core.pricing.Black76;

/**
 * Prices positions off a {@link MarketSnapshot}: options by Black-76 at the snapshot's forward and mark implied
 * volatility (Deribit marks its options this way: mark price = Black price at mark IV on the expiry's forward;
 * support.deribit.com "Mark price"), delta-one instruments at their forward. Inverse options are priced in coin,
 * {@code V/F} ({@link Black76#priceInCoin}).
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
        return evaluate(instrument, priceMove, volatilityShift, false);
    }

    /**
     * Analytic {@code dV/d ln F}: {@link Black76#deltaInCoin} for inverse options, {@code F x} {@link Black76#delta}
     * for linear ones; {@code 1/F} coin per USD for inverse futures, {@code F} for linear ones.
     */
    @Override
    public double moveDelta(InstrumentName instrument, double priceMove, double volatilityShift) {
        return evaluate(instrument, priceMove, volatilityShift, true);
    }

    /** The unit value, or its {@code d/d ln F} when {@code delta}, in the moved market. */
    private double evaluate(InstrumentName instrument, double priceMove, double volatilityShift, boolean delta) {
        double forward = market.forward(instrument) * (1 + priceMove);
        boolean inverse = Settlement.of(instrument) == Settlement.INVERSE;
        if (instrument instanceof InstrumentName.Option option) {
            double volatility = Math.max(0.0, market.markVolatility(option) + volatilityShift);
            double time = market.timeToExpiry(option);
            if (delta) {
                return inverse
                        ? Black76.deltaInCoin(option.type(), forward, option.strike(), time, volatility)
                        : forward * Black76.delta(option.type(), forward, option.strike(), time, volatility);
            }
            return inverse
                    ? Black76.priceInCoin(option.type(), forward, option.strike(), time, volatility)
                    : Black76.price(option.type(), forward, option.strike(), time, volatility);
        }
        // -1/F' coin per USD of inverse notional (slope 1/F'); F' USD per coin for linear (slope F').
        if (delta) {
            return inverse ? 1.0 / forward : forward;
        }
        return inverse ? -1.0 / forward : forward;
    }
}
