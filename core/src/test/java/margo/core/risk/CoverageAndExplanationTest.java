package margo.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CoverageAndExplanationTest {

    @Test
    void aNormalModelOnFatTailedReturnsUnderCoversTheFarTail() {
        double[] r = SimulatedReturns.studentT(8, 6_000, 3, 0.02);
        CoverageTable table = CoverageTable.of(r, level -> EwmaEstimator.riskMetrics(ShockSpec.valueAtRisk(level, 1)),
                Lookback.rolling(250), 1, CoverageTable.STANDARD_LEVELS);
        assertEquals(6, table.rows().size());
        CoverageTable.Row farTail = table.rows().get(5);
        assertEquals(0.999, farTail.nominal(), 0.0);
        assertTrue(farTail.downRate() > 3 * farTail.expectedRate(), "t(3) tails beyond the normal's 99.9%: "
                + farTail.downRate());
        assertEquals(5_750, farTail.observations(), "origins 250 ... 5999 have a realised day");
    }

    @Test
    void historicalSimulationOnNormalReturnsCoversNearNominalAtEveryLevel() {
        double[] r = SimulatedReturns.normal(9, 6_000, 0.02);
        CoverageTable table = CoverageTable.of(r, level -> new HistoricalSimulation(ShockSpec.valueAtRisk(level, 1),
                HorizonScaling.DIRECT), Lookback.rolling(1_000), 1, new double[] {0.9, 0.95, 0.99});
        for (CoverageTable.Row row : table.rows()) {
            assertEquals(row.expectedRate(), row.downRate(), 0.35 * row.expectedRate(), "level " + row.nominal());
            assertEquals(row.expectedRate(), row.upRate(), 0.35 * row.expectedRate(), "level " + row.nominal());
        }
    }

    @Test
    void anExplanationGivesTheSampleTheShockItsComponentsAndItsCoverage() {
        double[] r = SimulatedReturns.normal(10, 1_500, 0.02);
        HistoricalSimulation hs = new HistoricalSimulation(ShockSpec.valueAtRisk(0.99, 1), HorizonScaling.DIRECT);
        Lookback lookback = Lookback.rolling(500);
        ShockSeries series = ShockSeries.estimate(r, hs, lookback, 1);
        ApcSeries apc = new AntiProcyclicality(0.25, 0, 1_000).apply(r, hs, lookback, series);
        ShockExplanation explanation = ShockExplanation.of(r, series, lookback, apc);
        assertEquals(500, explanation.sampleSize());
        assertEquals(1_000, explanation.windowFrom());
        assertEquals(1_500, explanation.windowTo());
        assertEquals(hs.shock(r, 1_000, 1_500), explanation.shock());
        // Type 7 puts the 1% quantile between the 5th and 6th smallest of 500: 5 of them lie below it.
        assertEquals(0.99, explanation.inSampleDownCoverage(), 1e-12);
        assertNotNull(explanation.downBacktest());
        assertEquals(5, explanation.components().size(), "calculated, floor, buffer, floor level, applied: "
                + explanation.components());
    }
}
