package margo.core.margin;

import java.io.Serializable;
import margo.core.market.InstrumentName;

/**
 * The seam between margin rules and pricing: the value of one unit of an instrument when the underlying moves
 * and the volatility shifts. Margin rules only ever ask this interface, so a calibrated model can price instead of
 * Black-76 by implementing it ({@link Black76PositionPricer} is the default).
 *
 * <p>A price move {@code x} moves the index, every forward and the perpetual by the same factor {@code 1 + x}
 * (a relative move: {@code -0.16} is 16% down), keeping the basis proportional, as the Deribit risk matrix does
 * (support.deribit.com, "Portfolio Margin": "price scenarios" on the index). A volatility shift is added to the
 * implied volatility of every option (annualised, decimal: {@code 0.05} is five points); a model pricer reads it
 * as a parallel shift of its implied surface.
 *
 * <p>Units of {@link #unitValue} ("one unit" is what {@link Position#scenarioQuantity()} counts):
 * <ul>
 *   <li>option: its premium per coin of notional, in coin (inverse) or USD (linear);</li>
 *   <li>inverse future or perpetual: {@code -1/F'} coin per USD of notional, whose differences are the inverse
 *       P&amp;L {@code 1/F - 1/F'} per USD (for {@code q} coin at mark {@code F}: {@code q x/(1+x)});</li>
 *   <li>linear future or perpetual: {@code F'}, USD per coin.</li>
 * </ul>
 * Only differences of {@link #unitValue} for delta-one instruments are meaningful.
 */
public interface PositionPricer extends Serializable {

    /** The coin every instrument priced here is written on, e.g. {@code BTC}. */
    String coin();

    /** The coin's index price, USD per coin, in this pricer's (possibly shifted) market. */
    double indexPrice();

    /** The instrument's forward (the perpetual's mark for a perpetual), USD per coin. */
    double forward(InstrumentName instrument);

    /** The option's implied volatility, annualised, as a decimal. */
    double markVolatility(InstrumentName.Option option);

    /** Years to the instrument's expiry, ACT/365; 0 for a perpetual. */
    double timeToExpiry(InstrumentName instrument);

    /** Why the instrument cannot be priced here, or null when it can. */
    String whyNotPriceable(InstrumentName instrument);

    /**
     * The value of one unit of the instrument, in its settlement currency (see the class comment for units), after
     * a relative price move and an additive volatility shift.
     */
    double unitValue(InstrumentName instrument, double priceMove, double volatilityShift);

    /**
     * The instrument's pricing bound once, for revaluing it in many scenarios. The default delegates to this
     * pricer's methods; pricers override it to look market data up once.
     */
    default InstrumentValuer valuer(InstrumentName instrument) {
        PositionPricer pricer = this;
        boolean option = instrument instanceof InstrumentName.Option;
        double volatility = option ? markVolatility((InstrumentName.Option) instrument) : Double.NaN;
        double time = timeToExpiry(instrument);
        return new InstrumentValuer() {
            @Override
            public boolean isOption() {
                return option;
            }

            @Override
            public double markVolatility() {
                return volatility;
            }

            @Override
            public double timeToExpiry() {
                return time;
            }

            @Override
            public double value(double priceMove, double volatilityShift) {
                return pricer.unitValue(instrument, priceMove, volatilityShift);
            }

            @Override
            public double moveDelta(double priceMove, double volatilityShift) {
                return pricer.moveDelta(instrument, priceMove, volatilityShift);
            }
        };
    }

    /** The value of one unit at the current market. */
    default double unitValue(InstrumentName instrument) {
        return unitValue(instrument, 0.0, 0.0);
    }

    /**
     * The delta of one unit, {@code dV/d ln F}: the change of {@link #unitValue} per unit relative move of the
     * underlying, in the settlement currency (coin for inverse instruments: Deribit's premium-adjusted coin delta,
     * {@code Black76.deltaInCoin}; USD for linear ones: the coin delta times F). The default is a central difference
     * over moves of +-0.01% so that it holds for any pricer; pricers with analytic deltas override it.
     */
    default double moveDelta(InstrumentName instrument, double priceMove, double volatilityShift) {
        double h = 1e-4;
        double up = unitValue(instrument, (1 + priceMove) * (1 + h) - 1, volatilityShift);
        double down = unitValue(instrument, (1 + priceMove) * (1 - h) - 1, volatilityShift);
        return (up - down) / (Math.log1p(h) - Math.log1p(-h));
    }

    /** {@link #moveDelta(InstrumentName, double, double)} at the current market. */
    default double moveDelta(InstrumentName instrument) {
        return moveDelta(instrument, 0.0, 0.0);
    }

    /**
     * This pricer in a moved market: prices and forwards times {@code 1 + priceMove}, every implied volatility plus
     * {@code volatilityShift} (floored at zero). Used for stress tests and the liquidation-price search.
     */
    default PositionPricer shifted(double priceMove, double volatilityShift) {
        if (!(priceMove > -1) || Double.isInfinite(priceMove) || Double.isNaN(volatilityShift)) {
            throw new IllegalArgumentException("priceMove must be finite and above -1 and volatilityShift a number, not "
                    + priceMove + " and " + volatilityShift);
        }
        return new ShiftedPricer(this, priceMove, volatilityShift);
    }

    /** A pricer seen through a market move: the moves compose multiplicatively, the shifts add. */
    record ShiftedPricer(PositionPricer base, double move, double shift) implements PositionPricer {
        @Override
        public String coin() {
            return base.coin();
        }

        @Override
        public double indexPrice() {
            return base.indexPrice() * (1 + move);
        }

        @Override
        public double forward(InstrumentName instrument) {
            return base.forward(instrument) * (1 + move);
        }

        @Override
        public double markVolatility(InstrumentName.Option option) {
            return Math.max(0.0, base.markVolatility(option) + shift);
        }

        @Override
        public double timeToExpiry(InstrumentName instrument) {
            return base.timeToExpiry(instrument);
        }

        @Override
        public String whyNotPriceable(InstrumentName instrument) {
            return base.whyNotPriceable(instrument);
        }

        @Override
        public double unitValue(InstrumentName instrument, double priceMove, double volatilityShift) {
            return base.unitValue(instrument, (1 + move) * (1 + priceMove) - 1, shift + volatilityShift);
        }

        @Override
        public double moveDelta(InstrumentName instrument, double priceMove, double volatilityShift) {
            return base.moveDelta(instrument, (1 + move) * (1 + priceMove) - 1, shift + volatilityShift);
        }

        @Override
        public InstrumentValuer valuer(InstrumentName instrument) {
            InstrumentValuer inner = base.valuer(instrument);
            return new InstrumentValuer() {
                @Override
                public boolean isOption() {
                    return inner.isOption();
                }

                @Override
                public double markVolatility() {
                    return Math.max(0.0, inner.markVolatility() + shift);
                }

                @Override
                public double timeToExpiry() {
                    return inner.timeToExpiry();
                }

                @Override
                public double value(double priceMove, double volatilityShift) {
                    return inner.value((1 + move) * (1 + priceMove) - 1, shift + volatilityShift);
                }

                @Override
                public double moveDelta(double priceMove, double volatilityShift) {
                    return inner.moveDelta((1 + move) * (1 + priceMove) - 1, shift + volatilityShift);
                }
            };
        }
    }
}
