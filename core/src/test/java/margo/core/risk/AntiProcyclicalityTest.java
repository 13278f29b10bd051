package margo.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import margo.core.risk.ApcSeries.Component;
import org.junit.jupiter.api.Test;

class AntiProcyclicalityTest {

    private static final ShockSpec DAY_99 = ShockSpec.valueAtRisk(0.99, 1);

    /** An estimator whose log-return shock is scripted by the window's end: {@code ±level[to]}. */
    private record Scripted(double[] level) implements ShockEstimator {
        @Override
        public ShockSpec spec() {
            return DAY_99;
        }

        @Override
        public String method() {
            return "scripted";
        }

        @Override
        public int minimumSample() {
            return 2;
        }

        @Override
        public Shock shock(double[] logReturns, int from, int to) {
            return Shock.ofLogReturns(-level[to], level[to]);
        }
    }

    private static double[] levels(int n, double... changes) {
        double[] level = new double[n + 1];
        java.util.Arrays.fill(level, 0.10);
        for (int k = 0; k + 1 < changes.length; k += 2) {
            for (int t = (int) changes[k]; t <= n; t++) {
                level[t] = changes[k + 1];
            }
        }
        return level;
    }

    @Test
    void theBufferIsReleasedAsTheShockRisesAndRebuiltAsItFalls() {
        double[] r = new double[40];
        Scripted estimator = new Scripted(levels(40, 20, 0.12, 25, 0.20, 30, 0.10));
        ShockSeries raw = ShockSeries.estimate(r, estimator, Lookback.rolling(10), 1);
        ApcSeries apc = AntiProcyclicality.buffer(0.25).apply(r, estimator, Lookback.rolling(10), raw);
        int before = 19 - 10;
        assertEquals(0.125, apc.shock(Component.BUFFER, before).upLogReturn(), 1e-12, "calm: the full 25% buffer");
        assertEquals(0.125, apc.shock(Component.BUFFER, 20 - 10).upLogReturn(), 1e-12,
                "a 20% rise is absorbed by the buffer: margin does not move");
        assertEquals(0.20, apc.shock(Component.BUFFER, 25 - 10).upLogReturn(), 1e-12,
                "a doubling exhausts it: margin is the calculated shock");
        assertEquals(0.125, apc.shock(Component.BUFFER, 30 - 10).upLogReturn(), 1e-12,
                "falling back, the buffer is rebuilt in full");
        assertEquals(-0.125, apc.shock(Component.BUFFER, 20 - 10).downLogReturn(), 1e-12, "both tails");
    }

    @Test
    void theStressedWeightBlendsTheMostVolatileWindowSeenSoFar() {
        double[] r = SimulatedReturns.normal(1, 600, 0.01);
        for (int t = 200; t < 250; t++) {
            r[t] *= 5;
        }
        HistoricalSimulation hs = new HistoricalSimulation(DAY_99, HorizonScaling.DIRECT);
        Lookback lookback = Lookback.rolling(100);
        ShockSeries raw = ShockSeries.estimate(r, hs, lookback, 1);
        ApcSeries apc = AntiProcyclicality.stressedWeight(0.25).apply(r, hs, lookback, raw);
        int late = 500 - 100;
        Shock calm = raw.shock(late);
        Shock weighted = apc.shock(Component.STRESSED_WEIGHT, late);
        // The most stressed 100-bar window holds all 50 stormy bars: one ending between 250 and 300.
        double stressedUpper = 0;
        for (int end = 250; end <= 300; end++) {
            stressedUpper = Math.max(stressedUpper, hs.shock(r, end - 100, end).upLogReturn());
        }
        assertTrue(weighted.upLogReturn() > calm.upLogReturn() * 1.5, weighted + " vs " + calm);
        assertTrue(weighted.upLogReturn() <= 0.75 * calm.upLogReturn() + 0.25 * stressedUpper + 1e-12);
        assertEquals(raw.shock(0), apc.shock(Component.STRESSED_WEIGHT, 0), "at the start the only window is today's");
    }

    @Test
    void theFloorHoldsTheShockAtTheLongLookbackHistoricalOne() {
        double[] r = SimulatedReturns.normal(2, 800, 0.01);
        for (int t = 100; t < 200; t++) {
            r[t] *= 4;
        }
        EwmaEstimator ewma = EwmaEstimator.riskMetrics(DAY_99);
        ShockSeries raw = ShockSeries.estimate(r, ewma, Lookback.rolling(50), 1);
        ApcSeries apc = AntiProcyclicality.floor(600).apply(r, ewma, Lookback.rolling(50), raw);
        HistoricalSimulation hs = new HistoricalSimulation(DAY_99, HorizonScaling.DIRECT);
        int i = 700 - 50;
        assertEquals(hs.shock(r, 100, 700), apc.shock(Component.FLOOR_LEVEL, i));
        assertEquals(raw.shock(i).max(hs.shock(r, 100, 700)), apc.shock(Component.FLOOR, i));
        assertTrue(apc.shock(Component.FLOOR, i).down() > raw.shock(i).down(), "calm EWMA sits on the floor");
    }

    @Test
    void everyChosenToolAppliesTogetherAndEachComponentCanBeBacktested() {
        double[] r = SimulatedReturns.studentT(3, 1_000, 4, 0.02);
        HistoricalSimulation hs = new HistoricalSimulation(DAY_99, HorizonScaling.DIRECT);
        ShockSeries raw = ShockSeries.estimate(r, hs, Lookback.rolling(250), 1);
        ApcSeries apc = new AntiProcyclicality(0.25, 0.25, 750).apply(r, hs, Lookback.rolling(250), raw);
        for (int i = 0; i < apc.size(); i++) {
            Shock applied = apc.shock(Component.APPLIED, i);
            assertTrue(applied.down() >= apc.shock(Component.FLOOR, i).down() - 1e-12 || applied.down()
                    >= apc.shock(Component.STRESSED_WEIGHT, i).down() - 1e-12);
        }
        Backtest calculated = raw.backtest(Tail.DOWN);
        Backtest applied = apc.series(Component.APPLIED).backtest(Tail.DOWN);
        assertTrue(applied.exceptions() <= calculated.exceptions(), applied.verdict());
    }

    @Test
    void toolsBelowEmirMinimumsAreRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> AntiProcyclicality.buffer(0.2));
        assertTrue(error.getMessage().contains("at least 25%"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AntiProcyclicality.stressedWeight(0.1));
        assertThrows(IllegalArgumentException.class, () -> AntiProcyclicality.floor(5));
        assertThrows(IllegalArgumentException.class, () -> AntiProcyclicality.buffer(0.25).apply(new double[40],
                new Scripted(levels(40)), Lookback.rolling(10), ShockSeries.estimate(new double[40],
                        new Scripted(levels(40)), Lookback.rolling(10), 1)).series(Component.FLOOR));
    }
}
