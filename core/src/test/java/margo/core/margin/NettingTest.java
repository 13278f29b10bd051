package margo.core.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import margo.core.market.InstrumentName;
import org.junit.jupiter.api.Test;

/** Positions in one instrument are netted within a margin group before any rule margins them. */
class NettingTest {

    private static final PositionPricer PRICER = SampleMarket.PRICER;
    private static final PortfolioMarginRule PORTFOLIO = new PortfolioMarginRule(PortfolioMarginParameters.DERIBIT_BTC);
    private static final List<Collateral> ONE_BTC = List.of(new Collateral("BTC", 1, 0));

    private static Position position(String instrument, double size, double averagePrice) {
        return new Position(InstrumentName.parse(instrument), size, averagePrice);
    }

    private static MarginGroup cross(Position... positions) {
        return new MarginGroup("", List.of(positions), ONE_BTC);
    }

    @Test
    void longAndShortOfOneOptionBookedApartCancelUnderPortfolioMargin() {
        MarginGroup booked = cross(position("BTC-29MAR24-60000-C", 3, 0.085),
                position("BTC-29MAR24-60000-C", -3, 0.085));
        // Margined row by row, the roll shock adds |delta| of both rows: about 1,550 USD for a flat position.
        double rowByRow = PORTFOLIO.requirement(booked.positions(), PRICER).initial() * SampleMarket.INDEX;
        assertTrue(rowByRow > 1_000, "the rule alone sees two positions: " + rowByRow);
        MarginState state = new MarginCalculator(PORTFOLIO).state(booked, PRICER);
        MarginState empty = new MarginCalculator(PORTFOLIO).state(cross(), PRICER);
        assertEquals(empty.initialMargin(), state.initialMargin(), 0.0);
        assertEquals(empty.maintenanceMargin(), state.maintenanceMargin(), 0.0);
        assertEquals(empty.equity(), state.equity(), 1e-9);
        assertTrue(Double.isNaN(state.liquidationPriceDown()) && Double.isNaN(state.liquidationPriceUp()),
                "a flat account has no liquidation price");
    }

    @Test
    void tradesBookedSeparatelyAreMarginedAsTheirNetPosition() {
        MarginGroup booked = cross(position("BTC-29MAR24-60000-P", -5, 0.058),
                position("BTC-PERPETUAL", -1, 60_500), position("BTC-29MAR24-60000-P", 2, 0.058));
        MarginGroup net = cross(position("BTC-29MAR24-60000-P", -3, 0.058),
                position("BTC-PERPETUAL", -1, 60_500));
        for (MarginRule rule : List.of(StandardMarginRule.DERIBIT, PORTFOLIO,
                new SpanRule(SpanParameters.CRYPTO_DEFAULT))) {
            MarginCalculator calculator = new MarginCalculator(rule);
            String name = rule.getClass().getSimpleName();
            MarginState expected = calculator.state(net, PRICER);
            MarginState state = calculator.state(booked, PRICER);
            assertEquals(expected.initialMargin(), state.initialMargin(), 1e-9, name);
            assertEquals(expected.maintenanceMargin(), state.maintenanceMargin(), 1e-9, name);
        }
    }

    @Test
    void attributionSplitsTheNetPositionsMarginAmongItsRowsProRata() {
        MarginGroup booked = cross(position("BTC-29MAR24-60000-P", -5, 0.058),
                position("BTC-29MAR24-60000-P", 2, 0.058), position("BTC-PERPETUAL", -1, 60_500));
        MarginCalculator calculator = new MarginCalculator(PORTFOLIO);
        List<MarginContribution> rows = calculator.attribution(booked, PRICER);
        assertEquals(3, rows.size(), "one contribution per booked row");
        // The put's net of -3 is shared as -5/-3 and 2/-3 of its contribution: the rows keep that ratio.
        assertEquals(-5.0 / 2.0, rows.get(0).initialMargin() / rows.get(1).initialMargin(), 1e-12);
        double sum = rows.stream().mapToDouble(MarginContribution::initialMargin).sum();
        assertEquals(calculator.state(booked, PRICER).initialMargin(), sum, 1e-9);
    }

    @Test
    void inverseFuturesNetByTheirUsdNotional() {
        // +60,000 USD bought at 60,000 and -60,000 USD sold at 70,000: Deribit counts both in USD contracts, so flat.
        MarginGroup booked = cross(position("BTC-29MAR24", 1, 60_000),
                position("BTC-29MAR24", -60_000.0 / 70_000, 70_000));
        MarginCalculator calculator = new MarginCalculator(StandardMarginRule.DERIBIT);
        assertEquals(0.0, calculator.state(booked, PRICER).initialMargin(), 0.0);
    }
}
