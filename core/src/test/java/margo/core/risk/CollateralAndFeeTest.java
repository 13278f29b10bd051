package margo.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import margo.core.margin.Collateral;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class CollateralAndFeeTest {

    @Test
    void aHaircutIsTheFallOverTheLiquidationHorizonPlusTheLiquidityAddOn() {
        double[] r = SimulatedReturns.normal(4, 2_000, 0.03);
        HistoricalSimulation hs = new HistoricalSimulation(ShockSpec.valueAtRisk(0.99, 2), HorizonScaling.DIRECT);
        CollateralHaircut haircut = CollateralHaircut.of(r, hs, 1_000, 0.02);
        assertEquals(hs.shock(r, 1_000, 2_000).down() + 0.02, haircut.haircut(), 1e-15);
        assertEquals(1_000, haircut.observations());
        // Usable directly as a book's collateral haircut.
        assertEquals(haircut.haircut(), new Collateral("ETH", 10, haircut.haircut()).haircut(), 0.0);
        assertTrue(haircut.summary().contains("fall over 2 bars at 99%"), haircut.summary());
    }

    @Test
    void aHaircutNeverReachesTheWholeValue() {
        double[] crash = new double[100];
        java.util.Arrays.fill(crash, -2.0);
        CollateralHaircut haircut = CollateralHaircut.of(crash,
                new HistoricalSimulation(ShockSpec.valueAtRisk(0.99, 1), HorizonScaling.DIRECT), 100, 0.5);
        assertEquals(CollateralHaircut.MAX_HAIRCUT, haircut.haircut(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> CollateralHaircut.of(crash,
                new HistoricalSimulation(ShockSpec.valueAtRisk(0.99, 1), HorizonScaling.DIRECT), 100, -0.1));
    }

    @Test
    void theFeeIsClampedBetweenItsMinimumAndMaximum() {
        FeeSchedule schedule = new FeeSchedule(0.0005, 0.5, 0.001, 0.01, Ewma.RISKMETRICS);
        assertEquals(0.001, schedule.fee(0.0), 0.0);
        assertEquals(0.0005 + 0.5 * 0.01, schedule.fee(0.01), 1e-15);
        assertEquals(0.01, schedule.fee(0.5), 0.0);
    }

    /**
     * Unclamped, the calibrated fee is breached at about the nominal rate; on normal returns with constant
     * volatility its slope is near the two-sided quantile {@code Phi^-1((1 + c) / 2)}.
     */
    @Property(tries = 10)
    void aCalibratedFeeIsBreachedAtAboutItsNominalRate(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        double[] r = SimulatedReturns.normal(seed, 5_000, 0.01);
        FeeCalibration calibration = FeeCalibration.calibrate(r, Ewma.RISKMETRICS, 0, 0, 0.5, 1, 0.99);
        assertEquals(0.01, calibration.breachRate(), 0.003, "in sample");
        double twoSided = new NormalDistribution().inverseCumulativeProbability(0.995);
        assertEquals(twoSided, calibration.schedule().k(), 0.35 * twoSided);
    }

    @Test
    void aMaximumFeeRaisesTheBreachRateAndTheReportSaysSo() {
        double[] r = SimulatedReturns.studentT(5, 5_000, 3, 0.02);
        FeeCalibration free = FeeCalibration.calibrate(r, Ewma.RISKMETRICS, 0.001, 0, 0.5, 1, 0.99);
        FeeCalibration capped = FeeCalibration.calibrate(r, Ewma.RISKMETRICS, 0.001, 0, 0.03, 1, 0.99);
        assertEquals(free.schedule().k(), capped.schedule().k(), 0.0);
        assertTrue(capped.breachRate() > free.breachRate(), capped.breachRate() + " vs " + free.breachRate());
        assertEquals(capped.fees().length, capped.breaches().length);
    }
}
