package margo.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

class HistoricalSimulationTest {

    private static final double Z99 = new NormalDistribution().inverseCumulativeProbability(0.99);

    /** Returns -0.50, -0.49, ..., +0.50 in shuffled order: the quantiles are known exactly. */
    private static double[] evenlySpaced() {
        double[] r = new double[101];
        for (int i = 0; i < r.length; i++) {
            r[(i * 37) % 101] = (i - 50) / 100.0;
        }
        return r;
    }

    @Test
    void valueAtRiskIsTheInterpolatedTailQuantileOfEachSide() {
        Shock shock = new HistoricalSimulation(ShockSpec.valueAtRisk(0.95, 1), HorizonScaling.DIRECT)
                .shock(evenlySpaced(), 0, 101);
        assertEquals(-Math.expm1(-0.45), shock.down(), 1e-12, "5% quantile of -0.50..0.50 at position 5");
        assertEquals(Math.expm1(0.45), shock.up(), 1e-12);
    }

    @Test
    void expectedShortfallAveragesTheTailBeyondTheQuantile() {
        Shock shock = new HistoricalSimulation(new ShockSpec(0.95, 1, Measure.EXPECTED_SHORTFALL),
                HorizonScaling.DIRECT).shock(evenlySpaced(), 0, 101);
        assertEquals(-Math.expm1(-0.475), shock.down(), 1e-12, "mean of -0.50 ... -0.45");
        assertEquals(Math.expm1(0.475), shock.up(), 1e-12);
    }

    @Test
    void eachTailIsEstimatedOnItsOwn() {
        double[] r = evenlySpaced();
        for (int i = 0; i < r.length; i++) {
            r[i] = r[i] < 0 ? 2 * r[i] : r[i];
        }
        Shock shock = new HistoricalSimulation(ShockSpec.valueAtRisk(0.95, 1), HorizonScaling.DIRECT)
                .shock(r, 0, 101);
        assertEquals(-Math.expm1(-0.9), shock.down(), 1e-12);
        assertEquals(Math.expm1(0.45), shock.up(), 1e-12);
    }

    @Test
    void squareRootOfTimeScalesTheOneBarQuantile() {
        ShockSpec tenBars = ShockSpec.valueAtRisk(0.95, 10);
        Shock scaled = new HistoricalSimulation(tenBars, HorizonScaling.SQUARE_ROOT_OF_TIME)
                .shock(evenlySpaced(), 0, 101);
        assertEquals(-Math.expm1(-0.45 * Math.sqrt(10)), scaled.down(), 1e-12);
    }

    @Test
    void aDirectHorizonRanksOverlappingHorizonReturns() {
        double[] r = SimulatedReturns.normal(3, 200, 0.01);
        Shock direct = new HistoricalSimulation(ShockSpec.valueAtRisk(0.9, 5), HorizonScaling.DIRECT)
                .shock(r, 0, 200);
        Shock byHand = new HistoricalSimulation(ShockSpec.valueAtRisk(0.9, 1), HorizonScaling.DIRECT)
                .shock(HorizonReturns.overlapping(r, 5), 0, 196);
        assertEquals(byHand, direct);
    }

    @Test
    void aWindowTooShortToRankIsRefused() {
        HistoricalSimulation hs = new HistoricalSimulation(ShockSpec.valueAtRisk(0.99, 1), HorizonScaling.DIRECT);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> hs.shock(new double[10], 0, 10));
        assertTrue(error.getMessage().contains("at least 20"), error.getMessage());
    }

    /**
     * On n normal returns the 1% quantile's standard error is sqrt(p (1 - p) / n) / phi(z) sigma, 0.026 sigma at
     * n = 20,000; allow five of them (a 0.1 sigma tolerance, under four, failed on some seeds).
     */
    @Property(tries = 20)
    void quantilesOfNormalReturnsConvergeToTheTrueOnes(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        double sigma = 0.03;
        int n = 20_000;
        double[] r = SimulatedReturns.normal(seed, n, sigma);
        Shock shock = new HistoricalSimulation(ShockSpec.valueAtRisk(0.99, 1), HorizonScaling.DIRECT)
                .shock(r, 0, r.length);
        double density = Math.exp(-0.5 * Z99 * Z99) / Math.sqrt(2 * Math.PI);
        double standardError = Math.sqrt(0.01 * 0.99 / n) / density * sigma;
        assertEquals(-Z99 * sigma, shock.downLogReturn(), 5 * standardError);
        assertEquals(Z99 * sigma, shock.upLogReturn(), 5 * standardError);
    }

    /** On 20,000 unit-variance t(4) returns both 99% tails converge to the true quantile within 10%. */
    @Property(tries = 10)
    void quantilesOfStudentReturnsConvergeToTheTrueOnes(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        double sigma = 0.03;
        double[] r = SimulatedReturns.studentT(seed, 20_000, 4, sigma);
        double truth = sigma * Math.sqrt(0.5) * new TDistribution(4).inverseCumulativeProbability(0.99);
        Shock shock = new HistoricalSimulation(ShockSpec.valueAtRisk(0.99, 1), HorizonScaling.DIRECT)
                .shock(r, 0, r.length);
        assertEquals(-truth, shock.downLogReturn(), 0.1 * truth);
        assertEquals(truth, shock.upLogReturn(), 0.1 * truth);
    }
}
