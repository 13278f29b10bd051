package margo.core.margin;

import java.util.Map;
import margo.core.market.InstrumentName;

/**
 * A pricer with given option marks and delta-one instruments at the index, for reproducing worked examples whose
 * marks are stated rather than computed. Options cannot be moved: the examples give one mark.
 */
record FixedPricer(double indexPrice, Map<String, Double> optionMarks) implements PositionPricer {

    @Override
    public String coin() {
        return "BTC";
    }

    @Override
    public double forward(InstrumentName instrument) {
        return indexPrice;
    }

    @Override
    public double markVolatility(InstrumentName.Option option) {
        return 0.5;
    }

    @Override
    public double timeToExpiry(InstrumentName instrument) {
        return 0.1;
    }

    @Override
    public String whyNotPriceable(InstrumentName instrument) {
        return null;
    }

    @Override
    public double unitValue(InstrumentName instrument, double priceMove, double volatilityShift) {
        if (instrument instanceof InstrumentName.Option) {
            if (priceMove != 0 || volatilityShift != 0) {
                throw new UnsupportedOperationException("a fixed mark cannot be moved");
            }
            return optionMarks.get(instrument.text());
        }
        double forward = indexPrice * (1 + priceMove);
        return Settlement.of(instrument) == Settlement.INVERSE ? -1.0 / forward : forward;
    }

    @Override
    public double moveDelta(InstrumentName instrument, double priceMove, double volatilityShift) {
        if (instrument instanceof InstrumentName.Option) {
            throw new UnsupportedOperationException("a fixed mark has no delta");
        }
        double forward = indexPrice * (1 + priceMove);
        return Settlement.of(instrument) == Settlement.INVERSE ? 1.0 / forward : forward;
    }
}
