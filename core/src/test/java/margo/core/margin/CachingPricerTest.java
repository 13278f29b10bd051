package margo.core.margin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import margo.core.market.InstrumentName;
import org.junit.jupiter.api.Test;

class CachingPricerTest {

    private static final List<InstrumentName> INSTRUMENTS = List.of(InstrumentName.parse("BTC-29MAR24-60000-C"),
            InstrumentName.parse("BTC-26APR24-50000-P"), InstrumentName.parse("BTC-29MAR24"),
            InstrumentName.parse("BTC-PERPETUAL"));

    @Test
    void everyAnswerIsTheWrappedPricersToTheBitAskedOnceOrTwice() {
        PositionPricer moved = SampleMarket.PRICER.shifted(-0.07, 0.0);
        CachingPricer cached = new CachingPricer(moved);
        List<Scenario> scenarios = PortfolioMarginParameters.DERIBIT_BTC.scenarios();
        for (int ask = 0; ask < 2; ask++) {
            for (InstrumentName instrument : INSTRUMENTS) {
                assertEquals(bits(moved.unitValue(instrument)), bits(cached.unitValue(instrument)));
                assertEquals(bits(moved.moveDelta(instrument)), bits(cached.moveDelta(instrument)));
                assertEquals(bits(moved.timeToExpiry(instrument)), bits(cached.timeToExpiry(instrument)));
                assertEquals(bits(moved.unitValue(instrument, 0.1, 0.02)),
                        bits(cached.unitValue(instrument, 0.1, 0.02)));
                assertEquals(bits(moved.valuer(instrument).value(0.1, 0.02)),
                        bits(cached.valuer(instrument).value(0.1, 0.02)));
            }
            assertArrayEquals(ScenarioPnlMatrix.unitPnl(INSTRUMENTS, scenarios, moved),
                    ScenarioPnlMatrix.unitPnl(INSTRUMENTS, scenarios, cached));
        }
    }

    @Test
    void anEqualInstrumentParsedAgainFindsTheAnswersOfTheFirstOneAsked() {
        CachingPricer cached = new CachingPricer(SampleMarket.PRICER.shifted(0.05, 0.0));
        List<Scenario> scenarios = PortfolioMarginParameters.DERIBIT_BTC.scenarios();
        for (InstrumentName instrument : INSTRUMENTS) {
            InstrumentName again = InstrumentName.parse(instrument.text());
            assertEquals(bits(cached.unitValue(instrument)), bits(cached.unitValue(again)));
            assertSame(cached.unitPnl(instrument, scenarios), cached.unitPnl(again, scenarios));
        }
    }

    @Test
    void everyRuleGivesItsRequirementAtEachMarketBitForBitWhenLaidOutOnce() {
        List<MarginRule> rules = List.of(new PortfolioMarginRule(PortfolioMarginParameters.DERIBIT_BTC),
                new SpanRule(SpanParameters.CRYPTO_DEFAULT),
                StandardMarginRule.DERIBIT);
        for (Account account : SampleMarket.book().accounts()) {
            for (MarginGroup group : account.groups()) {
                if (group.positions().isEmpty()) {
                    continue;
                }
                for (MarginRule rule : rules) {
                    var atMarkets = rule.atMarkets(group.positions());
                    for (double move : new double[] {-0.4, -0.07, 0.0, 0.3}) {
                        for (PositionPricer pricer : List.of(SampleMarket.PRICER.shifted(move, 0.0),
                                new CachingPricer(SampleMarket.PRICER.shifted(move, 0.0)))) {
                            MarginRequirement expected = rule.requirement(group.positions(), pricer);
                            MarginRequirement laidOut = atMarkets.apply(pricer);
                            assertEquals(bits(expected.initial()), bits(laidOut.initial()), account.name());
                            assertEquals(bits(expected.maintenance()), bits(laidOut.maintenance()), account.name());
                        }
                    }
                }
            }
        }
    }

    @Test
    void askedBySlotEveryAnswerIsTheOneAskedByName() {
        CachingPricer cached = new CachingPricer(SampleMarket.PRICER.shifted(-0.2, 0.0));
        InstrumentSlots slots = new InstrumentSlots();
        List<Scenario> scenarios = PortfolioMarginParameters.DERIBIT_BTC.scenarios();
        for (int ask = 0; ask < 2; ask++) {
            for (InstrumentName instrument : INSTRUMENTS.reversed()) {
                int slot = slots.of(InstrumentName.parse(instrument.text()));
                assertEquals(bits(cached.unitValue(slot, instrument)), bits(cached.unitValue(instrument)));
                assertEquals(bits(cached.moveDelta(slot, instrument)), bits(cached.moveDelta(instrument)));
                assertEquals(bits(cached.timeToExpiry(slot, instrument)), bits(cached.timeToExpiry(instrument)));
                assertSame(cached.unitPnl(instrument, scenarios), cached.unitPnl(slot, instrument, scenarios));
            }
        }
    }

    @Test
    void portfolioMarginBySlotIsItsRequirementBitForBitAtMarketsSharedByGroups() {
        PortfolioMarginRule rule = new PortfolioMarginRule(PortfolioMarginParameters.DERIBIT_BTC);
        double[] moves = {-0.4, -0.07, 0.0, 0.3};
        CachingPricer[] markets = new CachingPricer[moves.length];
        for (int m = 0; m < moves.length; m++) {
            markets[m] = new CachingPricer(SampleMarket.PRICER.shifted(moves[m], 0.0));
        }
        InstrumentSlots slots = new InstrumentSlots();
        int groups = 0;
        for (Account account : SampleMarket.book().accounts()) {
            for (MarginGroup group : account.groups()) {
                Map<String, List<Position>> byCurrency = new LinkedHashMap<>();
                for (Position position : NetPositions.of(group.positions()).positions()) {
                    byCurrency.computeIfAbsent(Settlement.currency(position.instrument()), c -> new ArrayList<>())
                            .add(position);
                }
                for (List<Position> positions : byCurrency.values()) {
                    var bySlot = ((PortfolioMarginRule.AtMarkets) rule.atMarkets(positions)).bySlot(slots);
                    for (int m = 0; m < moves.length; m++) {
                        MarginRequirement expected = rule.requirement(positions, SampleMarket.PRICER.shifted(moves[m],
                                0.0));
                        for (int ask = 0; ask < 2; ask++) {
                            MarginRequirement slotted = bySlot.requirement(markets[m]);
                            assertEquals(expected.currency(), slotted.currency());
                            assertEquals(bits(expected.initial()), bits(slotted.initial()), account.name());
                            assertEquals(bits(expected.maintenance()), bits(slotted.maintenance()), account.name());
                        }
                    }
                    groups++;
                }
            }
        }
        assertTrue(groups > 1);
    }

    private static long bits(double value) {
        return Double.doubleToRawLongBits(value);
    }
}
