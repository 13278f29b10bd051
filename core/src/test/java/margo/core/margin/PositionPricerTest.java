package margo.core.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import margo.core.market.InstrumentName;
import margo.core.pricing.Black76;
import margo.core.pricing.OptionType;
import org.junit.jupiter.api.Test;

class PositionPricerTest {

    private static final PositionPricer PRICER = SampleMarket.PRICER;
    private static final InstrumentName.Option PUT = InstrumentName.parseOption("BTC-26APR24-55000-P");

    @Test
    void inverseOptionIsWorthItsMarkAndMovesAsBlackPriceOverForwardAtMarkIv() {
        double forward = SampleMarket.MARKET.forward(PUT);
        double t = SampleMarket.MARKET.timeToExpiry(PUT);
        // deribit-btc-sample.csv: 26APR24 55,000 mark_iv 62.45%, mark_price 0.04545125 BTC.
        assertEquals(0.04545125, PRICER.unitValue(PUT), 1e-15);
        double black = Black76.price(OptionType.PUT, forward, 55_000, t, 0.6245) / forward;
        double moved = Black76.price(OptionType.PUT, 1.1 * forward, 55_000, t, 0.6245 + 0.05) / (1.1 * forward);
        assertEquals(0.04545125 + moved - black, PRICER.unitValue(PUT, 0.1, 0.05), 1e-15);
        assertEquals(Black76.deltaInCoin(OptionType.PUT, forward, 55_000, t, 0.6245), PRICER.moveDelta(PUT), 1e-15);
    }

    @Test
    void inverseOptionWithoutADataMarkIsBlackPriceOverForwardAtMarkIv() {
        MarketSnapshot market = SampleMarket.MARKET;
        PositionPricer black = new Black76PositionPricer(new MarketSnapshot(market.coin(), market.valuationTime(),
                market.indexPrice(), market.perpetualPrice(), market.forwards(), market.smiles()));
        double forward = market.forward(PUT);
        double expected = Black76.price(OptionType.PUT, 1.1 * forward, 55_000, market.timeToExpiry(PUT), 0.6245 + 0.05)
                / (1.1 * forward);
        assertEquals(expected, black.unitValue(PUT, 0.1, 0.05), 1e-15);
    }

    @Test
    void shiftedMarketsComposeMovesMultiplicativelyAndShiftsAdditively() {
        PositionPricer shifted = PRICER.shifted(0.1, 0.05).shifted(-0.2, 0.02);
        double move = 1.1 * 0.8 - 1;
        assertEquals(PRICER.unitValue(PUT, move, 0.07), shifted.unitValue(PUT), 1e-15);
        assertEquals(PRICER.unitValue(PUT, (1 + move) * 1.05 - 1, 0.08), shifted.valuer(PUT).value(0.05, 0.01), 1e-15);
        assertEquals(PRICER.markVolatility(PUT) + 0.07, shifted.valuer(PUT).markVolatility(), 1e-15);
        assertEquals(61_000 * 1.1 * 0.8, shifted.indexPrice(), 1e-9);
    }

    @Test
    void analyticDeltaAgreesWithTheGenericDifference() {
        PositionPricer generic = new GenericDelta(PRICER);
        InstrumentName.Option call = InstrumentName.parseOption("BTC-28JUN24-70000-C");
        assertEquals(PRICER.moveDelta(call), generic.moveDelta(call), 1e-8);
        assertEquals(PRICER.valuer(call).moveDelta(0.1, 0.05), generic.valuer(call).moveDelta(0.1, 0.05), 1e-8);
        InstrumentName perpetual = InstrumentName.parse("BTC_USDC-PERPETUAL");
        assertEquals(61_000, PRICER.moveDelta(perpetual), 1e-9);
        assertEquals(1 / 61_000.0, PRICER.moveDelta(InstrumentName.parse("BTC-PERPETUAL")), 1e-20);
    }

    /** The sample pricer without its analytic delta, so the interface's central difference is used. */
    private record GenericDelta(PositionPricer base) implements PositionPricer {
        @Override
        public String coin() {
            return base.coin();
        }

        @Override
        public double indexPrice() {
            return base.indexPrice();
        }

        @Override
        public double forward(InstrumentName instrument) {
            return base.forward(instrument);
        }

        @Override
        public double markVolatility(InstrumentName.Option option) {
            return base.markVolatility(option);
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
            return base.unitValue(instrument, priceMove, volatilityShift);
        }
    }
}
