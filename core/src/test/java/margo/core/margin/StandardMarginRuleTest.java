package margo.core.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import margo.core.market.InstrumentName;
import org.junit.jupiter.api.Test;

/** Worked examples of docs/margin-sources.md: T15 (Deribit inverse options), T3 (linear perps), T6 (Bybit). */
class StandardMarginRuleTest {

    private static Position position(String instrument, double size, double averagePrice) {
        return new Position(InstrumentName.parse(instrument), size, averagePrice);
    }

    private static MarginRequirement deribit(FixedPricer pricer, Position... positions) {
        return StandardMarginRule.DERIBIT.requirement(List.of(positions), pricer);
    }

    /** The Deribit margin of one short option at S = 100,000 and the given coin mark. */
    private static MarginRequirement shortOne(String instrument, double mark) {
        return deribit(new FixedPricer(100_000, Map.of(instrument, mark)), position(instrument, -1, mark));
    }

    // T15: S = 100,000; short 110,000 call at mark 0.01 -> IM = max(0.15 - 0.1, 0.1) + 0.01 = 0.11, MM = 0.085.
    @Test
    void shortCallInitialMarginHasTenPercentFloor() {
        MarginRequirement margin = shortOne("BTC-29MAR24-110000-C", 0.01);
        assertEquals("BTC", margin.currency());
        assertEquals(0.11, margin.initial(), 1e-15);
        assertEquals(0.085, margin.maintenance(), 1e-15);
    }

    // T15: short 90,000 put at mark 0.008 -> MM = max(0.075, 0.075 x 0.008) + 0.008 = 0.083; IM = 0.108.
    @Test
    void shortPutMaintenanceIsSevenAndAHalfPercentPlusMark() {
        MarginRequirement margin = shortOne("BTC-29MAR24-90000-P", 0.008);
        assertEquals(0.108, margin.initial(), 1e-15);
        assertEquals(0.083, margin.maintenance(), 1e-15);
    }

    @Test
    void shortOptionMarginScalesWithTheNumberOfOptions() {
        FixedPricer pricer = new FixedPricer(100_000, Map.of("BTC-29MAR24-110000-C", 0.01));
        MarginRequirement margin = deribit(pricer, position("BTC-29MAR24-110000-C", -3, 0.01));
        assertEquals(0.33, margin.initial(), 1e-14);
        assertEquals(0.255, margin.maintenance(), 1e-14);
    }

    @Test
    void inTheMoneyShortCallNeedsFifteenPercentPlusMark() {
        assertEquals(0.15 + 0.12, shortOne("BTC-29MAR24-90000-C", 0.12).initial(), 1e-15);
    }

    @Test
    void longOptionNeedsItsMarkOnly() {
        FixedPricer pricer = new FixedPricer(100_000, Map.of("BTC-29MAR24-110000-C", 0.01));
        MarginRequirement margin = deribit(pricer, position("BTC-29MAR24-110000-C", 2, 0.009));
        assertEquals(0.02, margin.initial(), 1e-15);
        assertEquals(0.02, margin.maintenance(), 1e-15);
    }

    // T3: BTC_USDC at $100k: 25 BTC -> IM 2.125% = 53,125 USDC, MM 1.125% = 28,125; 350 BTC -> 3.75% = 1,312,500.
    @Test
    void linearBtcPerpetualRateRisesWithSize() {
        FixedPricer pricer = new FixedPricer(100_000, Map.of());
        MarginRequirement small = deribit(pricer, position("BTC_USDC-PERPETUAL", 25, 100_000));
        assertEquals("USDC", small.currency());
        assertEquals(53_125, small.initial(), 1e-9);
        assertEquals(28_125, small.maintenance(), 1e-9);
        MarginRequirement large = deribit(pricer, position("BTC_USDC-PERPETUAL", -350, 100_000));
        assertEquals(1_312_500, large.initial(), 1e-8);
    }

    // T3: SOL_USDC at $200: 6,000 SOL -> IM 7% = 84,000 USDC; 25 SOL -> IM 4.0125% = 200.625.
    @Test
    void linearSolPerpetualUsesItsOwnTiers() {
        FixedPricer pricer = new FixedPricer(200, Map.of());
        assertEquals(84_000, deribit(pricer, position("SOL_USDC-PERPETUAL", 6_000, 200)).initial(), 1e-9);
        assertEquals(200.625, deribit(pricer, position("SOL_USDC-PERPETUAL", 25, 200)).initial(), 1e-12);
    }

    // Deribit BTC inverse futures: IM = 2% + size x 0.005% of the coin size, in coin.
    @Test
    void inverseFutureMarginIsInCoin() {
        FixedPricer pricer = new FixedPricer(60_000, Map.of());
        MarginRequirement margin = deribit(pricer, position("BTC-PERPETUAL", -10, 60_000));
        assertEquals(10 * (0.02 + 10 * 0.00005), margin.initial(), 1e-15);
        assertEquals(10 * (0.01 + 10 * 0.00005), margin.maintenance(), 1e-15);
    }

    // T6, Bybit: S = 20,250, short BTC-22JUL22-18500-P, entry 280, mark 290: MM = 607.5 + 290 + 40.5 = 938;
    // IM = max(max(3,037.5 - 1,750, 2,025) + 290, 938) = 2,315 USDC.
    @Test
    void bybitShortPutCountsFeeInMaintenanceAndEntryPriceInInitial() {
        FixedPricer pricer = new FixedPricer(20_250, Map.of("BTC_USDC-22JUL22-18500-P", 290.0));
        StandardMarginRule bybit = new StandardMarginRule(OptionMarginTerms.BYBIT, Map.of());
        MarginRequirement margin = bybit.requirement(List.of(position("BTC_USDC-22JUL22-18500-P", -1, 280)), pricer);
        assertEquals(938, margin.maintenance(), 1e-10);
        assertEquals(2_315, margin.initial(), 1e-10);
    }

    @Test
    void bybitInitialMarginTakesTheHigherOfEntryAndMark() {
        FixedPricer pricer = new FixedPricer(20_250, Map.of("BTC_USDC-22JUL22-18500-P", 290.0));
        StandardMarginRule bybit = new StandardMarginRule(OptionMarginTerms.BYBIT, Map.of());
        MarginRequirement margin = bybit.requirement(List.of(position("BTC_USDC-22JUL22-18500-P", -1, 400)), pricer);
        assertEquals(2_025 + 400, margin.initial(), 1e-10);
    }

    @Test
    void contributionsShareAnInstrumentsMarginBySize() {
        FixedPricer pricer = new FixedPricer(100_000, Map.of("BTC-29MAR24-110000-C", 0.01));
        List<Position> positions = List.of(position("BTC-29MAR24-110000-C", -1, 0.01),
                position("BTC-29MAR24-110000-C", -3, 0.01), position("BTC-PERPETUAL", 1, 100_000));
        double[] contributions = StandardMarginRule.DERIBIT.initialMarginContributions(positions, pricer);
        assertEquals(0.11, contributions[0], 1e-15);
        assertEquals(0.33, contributions[1], 1e-14);
        assertEquals(StandardMarginRule.DERIBIT.requirement(positions, pricer).initial(),
                contributions[0] + contributions[1] + contributions[2], 1e-15);
    }

    @Test
    void mixingSettlementCurrenciesIsRefusedByName() {
        FixedPricer pricer = new FixedPricer(100_000, Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> deribit(pricer,
                position("BTC-PERPETUAL", 1, 100_000), position("BTC_USDC-PERPETUAL", 1, 100_000)));
        assertEquals(true, e.getMessage().contains("BTC_USDC-PERPETUAL settles in USDC"), e.getMessage());
    }
}
