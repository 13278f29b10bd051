package margo.core.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import margo.core.market.InstrumentName;
import org.junit.jupiter.api.Test;

/** docs/margin-sources.md, B4 and example T12 (McMillan's S&amp;P risk array: PSR $10,000, extreme $7,000). */
class SpanRuleTest {

    // A linear future at 100,000 USD with PSR 10% is the textbook PSR of $10,000 per contract.
    private static final FixedPricer AT_100K = new FixedPricer(100_000, Map.of());
    private static final SpanRule TEXTBOOK = new SpanRule(new SpanParameters(0.10, 0.05, 2, 0.35, 0.0, 0.0, 1.0));
    private static final Position LONG_FUTURE = new Position(InstrumentName.parse("BTC_USDC-29MAR24"), 1, 100_000);

    @Test
    void riskArrayHasSixteenScenariosInCmeOrder() {
        List<Scenario> scenarios = SpanParameters.CRYPTO_DEFAULT.scenarios();
        assertEquals(16, scenarios.size());
        double psr = 0.15;
        double[] expectedMoves = {0, 0, psr / 3, psr / 3, -psr / 3, -psr / 3, 2 * psr / 3, 2 * psr / 3,
                -2 * psr / 3, -2 * psr / 3, psr, psr, -psr, -psr, 2 * psr, -2 * psr};
        for (int s = 0; s < 16; s++) {
            assertEquals(expectedMoves[s], scenarios.get(s).priceMove(), 1e-15, scenarios.get(s).label());
            double weight = s < 14 ? 1.0 : 0.35;
            assertEquals(weight, scenarios.get(s).optionWeight(), 0.0);
            assertEquals(weight, scenarios.get(s).deltaOneWeight(), 0.0);
        }
        assertEquals(0.10, scenarios.get(0).volatilityShock().shift(0.6, 0.1), 0.0);
        assertEquals(-0.10, scenarios.get(1).volatilityShock().shift(0.6, 0.1), 0.0);
        assertEquals(0.0, scenarios.get(15).volatilityShock().shift(0.6, 0.1), 0.0);
    }

    @Test
    void longFutureScanRiskIsThePriceScanRange() {
        ScenarioPnlMatrix arrays = TEXTBOOK.riskArrays(List.of(LONG_FUTURE), AT_100K);
        assertEquals(10_000 / 3.0, arrays.pnl(0, 2), 1e-9);
        assertEquals(-10_000, arrays.pnl(0, 12), 1e-9);
        assertEquals(10_000, TEXTBOOK.evaluate(List.of(LONG_FUTURE), AT_100K).scanRisk(), 1e-9);
    }

    // T12: extreme $7,000 = 2 x 10,000 x 0.35.
    @Test
    void extremeMoveCountsThirtyFivePercentOfTwiceTheRange() {
        ScenarioPnlMatrix arrays = TEXTBOOK.riskArrays(List.of(LONG_FUTURE), AT_100K);
        assertEquals(7_000, arrays.pnl(0, 14), 1e-9);
        assertEquals(-7_000, arrays.pnl(0, 15), 1e-9);
    }

    @Test
    void calendarSpreadOfFuturesPaysTheIntraCommodityCharge() {
        SpanRule rule = new SpanRule(new SpanParameters(0.10, 0.05, 2, 0.35, 0.0, 0.01, 1.0));
        List<Position> spread = List.of(LONG_FUTURE,
                new Position(InstrumentName.parse("BTC_USDC-28JUN24"), -1, 100_000));
        SpanResult result = rule.evaluate(spread, AT_100K);
        assertEquals(0.0, result.scanRisk(), 1e-9);
        assertEquals(1_000, result.intraSpreadCharge(), 1e-6);
        assertEquals(1_000, result.risk(), 1e-6);
    }

    @Test
    void shortOptionMinimumBindsWhenTheScanIsSmaller() {
        SpanRule rule = new SpanRule(new SpanParameters(0.10, 0.05, 2, 0.35, 0.05, 0.0, 1.2));
        FixedPricer pricer = new FixedPricer(100_000, Map.of());
        // A deep out-of-the-money short option priced by Black-76 on the sample market loses little on the scan.
        Position farCall = new Position(InstrumentName.parse("BTC-8MAR24-80000-C"), -2, 0.001);
        SpanResult result = rule.evaluate(List.of(farCall), SampleMarket.PRICER);
        assertTrue(result.scanRisk() < result.shortOptionMinimum(), result.toString());
        assertEquals(2 * 0.05, result.shortOptionMinimum(), 1e-15);
        assertEquals(result.shortOptionMinimum(), result.risk(), 0.0);
        assertEquals(1.2 * result.risk(), result.initial(), 1e-15);
        assertTrue(result.netOptionValue() < 0);
        assertEquals(result.risk() - result.netOptionValue(), result.totalRequirementAgainstCash(), 0.0);
        assertEquals(100_000, pricer.indexPrice());
    }
}
