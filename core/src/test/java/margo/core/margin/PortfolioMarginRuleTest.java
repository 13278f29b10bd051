package margo.core.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import margo.core.market.InstrumentName;
import org.junit.jupiter.api.Test;

/** docs/margin-sources.md, examples T1 and T2: Deribit's {@code private/pme/simulate} outputs. */
class PortfolioMarginRuleTest {

    // T1: ETH, live capture 15 Feb 2026: ETH-PERPETUAL -0.999487053 ETH, index 1949.34, mark 1949.49.
    private static final MarketSnapshot ETH_FEB_2026 = new MarketSnapshot("ETH",
            Instant.parse("2026-02-15T23:20:09Z"), 1949.34, 1949.49, Map.of(), Map.of());

    // T2: BTC, docs example 17 Jun 2024: BTC-PERPETUAL +0.314538364, BTC-28JUN24 -0.001187534, index 65666.19.
    private static final MarketSnapshot BTC_JUN_2024 = new MarketSnapshot("BTC",
            Instant.parse("2024-06-17T08:00:00Z"), 65666.19, 65666.19,
            Map.of(LocalDate.of(2024, 6, 28), 65900.0), Map.of());

    private static PortfolioMarginResult t1() {
        PositionPricer pricer = new Black76PositionPricer(ETH_FEB_2026);
        Position perpetual = new Position(InstrumentName.parse("ETH-PERPETUAL"), -0.999487053, 1949.49);
        return new PortfolioMarginRule(PortfolioMarginParameters.DERIBIT_ETH).evaluate(List.of(perpetual), pricer);
    }

    private static PortfolioMarginResult t2() {
        PositionPricer pricer = new Black76PositionPricer(BTC_JUN_2024);
        List<Position> positions = List.of(
                new Position(InstrumentName.parse("BTC-PERPETUAL"), 0.314538364, 65666.19),
                new Position(InstrumentName.parse("BTC-28JUN24"), -0.001187534, 65900.0));
        return new PortfolioMarginRule(PortfolioMarginParameters.DERIBIT_BTC).evaluate(positions, pricer);
    }

    @Test
    void inversePerpetualLossIsSizeTimesMoveOverOnePlusMove() {
        PortfolioMarginResult result = t1();
        double[] pnl = result.aggregatedPnl();
        assertEquals(35, pnl.length);
        // Right edge (+18%), the risk vector's last three entries: -0.15246412672881357.
        assertEquals(-0.15246412672881357, pnl[24], 1e-15);
        assertEquals(-0.15246412672881357, pnl[25], 1e-15);
        // Left edge gains 0.219399597, reported at pnl_offset 0.6: 0.13163975819999998.
        assertEquals(0.13163975819999998, pnl[0], 1e-15);
        // -13.5%: 0.155989308849711 x 0.6 = 0.09359358530982659.
        assertEquals(0.09359358530982659, pnl[3], 1e-15);
    }

    @Test
    void worstCaseIsTheLargestLossOnTheGrid() {
        PortfolioMarginResult result = t1();
        assertEquals(0.15246412672881357, result.worstCase(), 1e-15);
        assertEquals(0.18, result.scenarios().get(result.worstScenario()).priceMove(), 1e-15);
    }

    @Test
    void rollShockOfPerpetualIsTheFloorMove() {
        assertEquals(0.004997435265, t1().rollShock(), 1e-15);
        assertEquals(0.00315725898, t2().rollShock(), 1e-15);
    }

    // The notes give risk_matrix_margin 0.157461562265 and MM 0.125969249812 = 0.8 x it; worst_case + roll_shock is
    // 0.157461561994, 2.7e-10 lower: the API adds something not in its breakdown (delta_shock and correlation
    // contingency are reported as 0). Margo reproduces the breakdown exactly and the total to 3e-10.
    @Test
    void initialMarginIsWorstCasePlusRollShockAndMaintenanceEightyPercent() {
        PortfolioMarginResult result = t1();
        assertEquals(0.0, result.deltaShock());
        assertEquals(0.157461562265, result.riskMatrixMargin(), 3e-10);
        assertEquals(0.125969249812, result.maintenance(), 3e-10);
        assertEquals(0.8 * result.riskMatrixMargin(), result.maintenance(), 1e-17);
    }

    @Test
    void futureGainNetsAgainstPerpetualLossWithinOneCurrency() {
        PortfolioMarginResult result = t2();
        assertEquals(-0.05968587238, result.aggregatedPnl()[0], 5e-12);
        assertEquals(0.05968587238, result.worstCase(), 5e-12);
        assertEquals(-0.16, result.scenarios().get(result.worstScenario()).priceMove(), 1e-15);
        // Perpetual alone at -16% and +16%: -0.059912069333 and +0.043384601931.
        PositionPricer pricer = new Black76PositionPricer(BTC_JUN_2024);
        ScenarioPnlMatrix matrix = new PortfolioMarginRule(PortfolioMarginParameters.DERIBIT_BTC)
                .matrix(List.of(new Position(InstrumentName.parse("BTC-PERPETUAL"), 0.314538364, 65666.19)), pricer);
        assertEquals(-0.059912069333, matrix.pnl(0, 0), 5e-13);
        assertEquals(0.043384601931, matrix.pnl(0, 26), 5e-13);
    }

    // T2: risk_matrix 0.06284313098, MM 0.050274504784 = 0.8 x risk_matrix (worst + roll = 0.06284313136, 3.8e-10 above).
    @Test
    void docsExampleRiskMatrixMargin() {
        PortfolioMarginResult result = t2();
        assertEquals(0.06284313098, result.riskMatrixMargin(), 4e-10);
        assertEquals(0.050274504784, result.maintenance(), 4e-10);
    }

    @Test
    void extendedTableShowsDeltaOneAtTheEdgeOfTheStandardRange() {
        PortfolioMarginResult result = t1();
        double[] pnl = result.aggregatedPnl();
        for (int s = 27; s < 35; s++) {
            double edge = result.scenarios().get(s).priceMove() < 0 ? pnl[0] : pnl[26];
            assertEquals(edge, pnl[s], 1e-15, result.scenarios().get(s).label());
        }
    }

    @Test
    void gridHasNinePricePointsIncludingZeroTimesThreeVolatilities() {
        List<Scenario> scenarios = PortfolioMarginParameters.DERIBIT_BTC.scenarios();
        assertEquals(35, scenarios.size());
        for (int k = 0; k < 9; k++) {
            for (int v = 0; v < 3; v++) {
                assertEquals(-0.16 + 0.04 * k, scenarios.get(3 * k + v).priceMove(), 1e-15);
            }
        }
        assertEquals(0.0, scenarios.get(13).priceMove(), 0.0);
        assertEquals(-0.66, scenarios.get(27).priceMove(), 1e-15);
        assertEquals(5.0, scenarios.get(34).priceMove(), 1e-15);
    }

    // Vol shock, Margo's reading: up = max(IV, 0.5) x 0.5 x (30/DTE)^0.3 below 30 days, ^0.13 from 30 days.
    @Test
    void volatilityShockScalesWithThirtyOverDaysToExpiry() {
        PortfolioMarginParameters p = PortfolioMarginParameters.DERIBIT_BTC;
        VolatilityShock up = p.scenarios().get(0).volatilityShock();
        VolatilityShock down = p.scenarios().get(2).volatilityShock();
        assertEquals(0.5 * 0.5 * Math.pow(30.0 / 7, 0.3), up.shift(0.3, 7 / 365.0), 1e-15);
        assertEquals(0.8 * 0.5 * Math.pow(30.0 / 90, 0.13), up.shift(0.8, 90 / 365.0), 1e-15);
        assertEquals(-0.8 * 0.25 * Math.pow(30.0 / 90, 0.13), down.shift(0.8, 90 / 365.0), 1e-15);
        assertEquals(0.5 * 0.5 * Math.pow(30.0, 0.3), up.shift(0.3, 0.0), 1e-15);
    }

    @Test
    void contributionsSumToInitialMargin() {
        PositionPricer pricer = new Black76PositionPricer(BTC_JUN_2024);
        List<Position> positions = List.of(
                new Position(InstrumentName.parse("BTC-PERPETUAL"), 0.314538364, 65666.19),
                new Position(InstrumentName.parse("BTC-28JUN24"), -0.001187534, 65900.0));
        PortfolioMarginRule rule = new PortfolioMarginRule(PortfolioMarginParameters.DERIBIT_BTC);
        double[] contributions = rule.initialMarginContributions(positions, pricer);
        assertEquals(rule.requirement(positions, pricer).initial(), contributions[0] + contributions[1], 1e-15);
        assertTrue(contributions[1] < 0.001187534 * 0.01 + 1e-12, "the hedging future lowers the worst case");
    }
}
